import { z } from "zod";

// The one place that reads process.env for the app. Scripts under scripts/ resolve
// their own database URL (they may start the embedded server first).
const ZEnv = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  cached ??= ZEnv.parse(process.env);
  return cached;
}

// Browsers accept Secure cookies on http://localhost, so production builds under test
// need no exception here.
export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}
