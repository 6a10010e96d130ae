/**
 * One event's registrations for its Excel export (sign-in sheet): every row in sign-up
 * order, the mobile in full only for those who run the event. The caller has checked the
 * actor may see the registrations (getEventDetail).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { REGISTRATION_SELECT, registrationRow, type TRegistrationRow } from "@/lib/events/queries/list-event-registrations";

export async function readEventRegistrationsExport(db: PrismaClient, eventId: string, fullMobile: boolean): Promise<TRegistrationRow[]> {
  const rows = await db.matchEventRegistration.findMany({
    where: { eventId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: REGISTRATION_SELECT,
  });
  return rows.map((r) => registrationRow(r, fullMobile));
}
