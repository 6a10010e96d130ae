import type { Prisma } from "@/lib/generated/prisma/client";

// One PostgreSQL advisory lock (transaction-scoped) for the working-day calendar.
//   - A calendar change takes it exclusively, so two changes run one after the other and
//     the second recomputes deadlines with the first one's days.
//   - Code that computes a new deadline from the calendar (forwarding a request) should
//     take it shared before loadWorkingCalendar: it then either sees the change or runs
//     before it (and its request is recomputed by it).
const CALENDAR_LOCK_KEY = 7_262_101;

type TTx = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

export async function lockCalendarForChange(tx: TTx): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK_KEY})::text AS locked`);
}

export async function lockCalendarForRead(tx: TTx): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock_shared(${CALENDAR_LOCK_KEY})::text AS locked`);
}
