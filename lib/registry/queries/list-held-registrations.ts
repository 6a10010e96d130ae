import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/permissions";
import { maskMobile } from "@/lib/privacy/mask";
import { reviewerParkId } from "./list-pending-registrations";

export type THeldRegistration = {
  auditId: string;
  name: string;
  uscc: string;
  contactName: string;
  /** Masked ("138****5678"), like the pending queue's. */
  contactMobileMasked: string | null;
  account: string;
  /** Which of the application's values belong to someone already. */
  conflicts: Array<"uscc" | "contactMobile">;
  submittedAt: Date;
};

/** How far back the park window sees held applications. */
export const HELD_REGISTRATIONS_DAYS = 30;
const HELD_REGISTRATIONS_MAX = 100;

type THeldDetails = Partial<Record<"parkId" | "uscc" | "name" | "contactName" | "contactMobile" | "account", string>> & {
  conflicts?: unknown;
};

/**
 * Self-registrations of the actor's own park that were held because their USCC or mobile
 * number is registered already (submitRegistration's "registration.held" audit entries),
 * newest first. The visitor was told only "submitted": the window calls them to sort it out.
 */
export async function listHeldRegistrations(db: PrismaClient, actor: TActor, now: Date = new Date()): Promise<THeldRegistration[]> {
  const parkId = await reviewerParkId(db, actor);
  if (!parkId) return [];
  const rows = await db.auditLog.findMany({
    where: {
      action: "registration.held",
      occurredAt: { gte: new Date(now.getTime() - HELD_REGISTRATIONS_DAYS * 86_400_000) },
      targetType: "Park",
      targetId: parkId,
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: HELD_REGISTRATIONS_MAX,
    select: { id: true, occurredAt: true, details: true },
  });
  return rows.map((row) => {
    const d = (row.details ?? {}) as THeldDetails;
    const conflicts = Array.isArray(d.conflicts)
      ? d.conflicts.filter((c): c is "uscc" | "contactMobile" => c === "uscc" || c === "contactMobile")
      : [];
    return {
      auditId: String(row.id),
      name: d.name ?? "",
      uscc: d.uscc ?? "",
      contactName: d.contactName ?? "",
      contactMobileMasked: maskMobile(d.contactMobile ?? null),
      account: d.account ?? "",
      conflicts,
      submittedAt: row.occurredAt,
    };
  });
}
