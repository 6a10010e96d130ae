/**
 * What each job kind does. A handler must be idempotent: a job can run again after a
 * worker died mid-way (its lock expired) or after a failure.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TMailSettings } from "@/lib/notifications/mail/mail-settings";
import { sendPasswordResetEmail } from "@/lib/accounts/mutations/send-password-reset-email";
import { checkLedgerIntegrity } from "@/lib/ledger/mutations/check-ledger-integrity";
import { sendNotificationEmail } from "@/lib/notifications/mutations/send-notification-email";
import { scanDeadlines } from "@/lib/requests/mutations/scan-deadlines";
import { metrics } from "@/lib/observability/metrics";

export type TJobContext = { jobId: bigint; attempts: number; now: Date };
export type TJobHandler = (db: PrismaClient, payload: Record<string, unknown>, ctx: TJobContext) => Promise<unknown>;
export type TJobHandlers = Readonly<Record<string, TJobHandler>>;

/** The handlers of every job kind; e-mails go where `mail` says (lib/server/env.ts mailSettings). */
export function jobHandlers(mail: TMailSettings): TJobHandlers {
  return {
    "deadline.scan": (db, _payload, ctx) => scanDeadlines(db, { now: ctx.now }),
    "ledger.check": async (db, _payload, ctx) => {
      const result = await checkLedgerIntegrity(db, { now: ctx.now });
      metrics().ledgerCheckEntriesTotal.inc(result.checkedEntries);
      metrics().ledgerCheckNewIssuesTotal.inc(result.newIssues);
      return result;
    },
    "email.send": async (db, payload) => {
      const id = payload.notificationId;
      if (typeof id !== "string") throw new Error("email.send: payload.notificationId missing");
      return sendNotificationEmail(db, id, mail);
    },
    "password-reset.send": async (db, payload, ctx) => {
      const id = payload.resetId;
      if (typeof id !== "string") throw new Error("password-reset.send: payload.resetId missing");
      return sendPasswordResetEmail(db, id, mail, ctx.now);
    },
  };
}
