/**
 * Where notification e-mails go: SMTP, .eml files in a folder, or only the log; and the
 * portal's public address for the links in them. Read from the environment by
 * lib/server/env.ts (mailSettings) and handed to the job handlers by whoever runs them.
 */
export type TMailConfig =
  { transport: "smtp"; url: string; from: string } | { transport: "file"; dir: string; from: string } | { transport: "log"; from: string };

export type TMailSettings = { config: TMailConfig; baseUrl: string | null };
