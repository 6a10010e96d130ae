/**
 * The one logger of the server side (the portal's server, its in-process job loop, the
 * `npm run jobs` worker): pino, one JSON object per line on standard output, for the
 * supervisor (systemd, a container runtime) to collect. Personal data stays out: log ids
 * (user, organization, job, request), never names, mobiles, ID numbers or addresses; an
 * error's message and stack are masked (maskFreeText) because a driver may quote a value.
 *
 * Writes are asynchronous (sonic-boom buffers while a write is in flight), so a line costs
 * the request a JSON serialization and no system call; pino's exit hook writes out what is
 * still buffered when the process exits (process.exit included). Kept on globalThis: the server entry (scripts/server.ts) and Next's
 * bundle of this module are two copies that must share one stream and one level.
 */
import pino, { type Logger } from "pino";
import { maskFreeText } from "../privacy/mask-free-text";
import type { TLogLevel } from "./log-levels";

export type TLogger = Logger;

type TSerializedError = { type: string; message: string; stack?: string; code?: unknown; cause?: TSerializedError };

/** An error as logged: its class, code and masked message and stack (and its cause, once). */
export function serializeError(error: unknown, depth = 0): TSerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: maskFreeText(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: maskFreeText(error.message),
    ...(error.stack ? { stack: maskFreeText(error.stack) } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(error.cause !== undefined && depth < 2 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

function createLogger(): Logger {
  return pino(
    {
      level: "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}

const holder = globalThis as unknown as { rongqiaoLogger?: Logger };

/** The process's logger; `logger.child({ component })` for a part of it. */
export const logger: Logger = (holder.rongqiaoLogger ??= createLogger());

/** Sets the level (LOG_LEVEL, read by lib/server/env.ts) for every copy of this module. */
export function setLogLevel(level: TLogLevel): void {
  logger.level = level;
}
