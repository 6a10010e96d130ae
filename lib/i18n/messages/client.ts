import { NAMESPACES } from "./load";

export type TNamespace = (typeof NAMESPACES)[number];

/**
 * What the browser gets of the message files. Server components translate on the server
 * and send text, so a page ships only the namespaces its client components (those with
 * "use client" and what they import) translate with useTranslations: "errors" everywhere
 * (the error boundaries), the rest from the layout of the route segment that renders
 * them (<ClientMessages namespaces={[…]}>). Sending every file would put about 70,000
 * characters of JSON into every page's HTML and its RSC payload, for nothing.
 * lib/i18n/client-messages.test.ts checks each client component against the layouts.
 */
export const CLIENT_NAMESPACES_EVERYWHERE = ["errors"] as const satisfies readonly TNamespace[];

export function pickNamespaces(messages: Readonly<Record<string, unknown>>, namespaces: readonly TNamespace[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const ns of [...CLIENT_NAMESPACES_EVERYWHERE, ...namespaces]) {
    if (ns in messages) picked[ns] = messages[ns];
  }
  return picked;
}
