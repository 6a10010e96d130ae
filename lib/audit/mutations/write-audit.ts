import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditOutcome } from "@/lib/generated/prisma/enums";

export type TAuditEvent = {
  action: string; // "auth.signIn", "auth.locked", "users.create", "pii.reveal" …
  outcome?: AuditOutcome;
  actorUserId?: string | null;
  actorOrgId?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  userAgent?: string | null;
  details?: Prisma.InputJsonValue;
};

type TDb = Pick<Prisma.TransactionClient, "auditLog">;

// Written in the same transaction as the change it records, or not at all.
export async function writeAudit(db: TDb, event: TAuditEvent): Promise<void> {
  await db.auditLog.create({
    data: {
      action: event.action,
      outcome: event.outcome ?? "SUCCESS",
      actorUserId: event.actorUserId ?? null,
      actorOrgId: event.actorOrgId ?? null,
      targetType: event.targetType,
      targetId: event.targetId,
      ip: event.ip ?? null,
      userAgent: event.userAgent?.slice(0, 400) ?? null,
      details: event.details ?? {},
    },
  });
}
