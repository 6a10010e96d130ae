// The logger's levels, apart from the logger so that reading LOG_LEVEL (lib/server/env.ts,
// which the proxy imports too) does not load pino.
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type TLogLevel = (typeof LOG_LEVELS)[number];
