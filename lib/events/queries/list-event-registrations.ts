/**
 * An event's registrations, in sign-up order, a keyset page at a time (an event may take
 * thousands), for those who may see them (getEventDetail's seeRegistrations): the
 * organiser, the offices, the event's park window and the participating banks. The
 * mobile is shown in full only to those who run the event (they phone people); the others
 * see it masked. Index: MatchEventRegistration(eventId, createdAt, id).
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { MatchRegistrationStatus } from "@/lib/generated/prisma/enums";
import { keyDate, keyUuid, readKeysetPage, type TKeyColumn, type TKeysetPage, type TPageCursor } from "@/lib/pagination/keyset";
import { maskMobile } from "@/lib/privacy/mask";
import { z } from "zod";

export const REGISTRATION_PAGE_SIZE = 50;

export type TRegistrationRow = {
  id: string;
  enterpriseName: string;
  uscc: string;
  contactName: string;
  contactPhone: string;
  status: MatchRegistrationStatus;
  attended: boolean;
  createdAt: Date;
};

const COLUMNS: readonly TKeyColumn[] = [
  { field: "createdAt", direction: "asc" },
  { field: "id", direction: "asc" },
];
const CURSOR = z.tuple([keyDate, keyUuid]);

export const REGISTRATION_SELECT = {
  id: true,
  contactName: true,
  contactPhone: true,
  status: true,
  attended: true,
  createdAt: true,
  enterprise: { select: { name: true, uscc: true } },
} as const satisfies Prisma.MatchEventRegistrationSelect;

export function registrationRow(
  r: Prisma.MatchEventRegistrationGetPayload<{ select: typeof REGISTRATION_SELECT }>,
  fullMobile: boolean,
): TRegistrationRow {
  return {
    id: r.id,
    enterpriseName: r.enterprise.name,
    uscc: r.enterprise.uscc,
    contactName: r.contactName,
    contactPhone: fullMobile ? r.contactPhone : maskMobile(r.contactPhone),
    status: r.status,
    attended: r.attended,
    createdAt: r.createdAt,
  };
}

/** The caller has checked, through getEventDetail, that the actor may see the registrations. */
export async function listEventRegistrations(
  db: PrismaClient,
  eventId: string,
  opts: { fullMobile: boolean; cursor?: TPageCursor | null },
): Promise<TKeysetPage<TRegistrationRow>> {
  return readKeysetPage(
    [
      {
        columns: COLUMNS,
        cursor: CURSOR,
        keyOf: (r: TRegistrationRow) => [r.createdAt, r.id],
        read: async (q) => {
          const rows = await db.matchEventRegistration.findMany({
            where: q.where ? { AND: [{ eventId }, q.where] } : { eventId },
            orderBy: q.orderBy as Prisma.MatchEventRegistrationOrderByWithRelationInput[],
            take: q.take,
            select: REGISTRATION_SELECT,
          });
          return rows.map((r) => registrationRow(r, opts.fullMobile));
        },
      },
    ],
    opts.cursor ?? null,
    REGISTRATION_PAGE_SIZE,
  );
}
