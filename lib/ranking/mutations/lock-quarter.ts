import type { Prisma } from "@/lib/generated/prisma/client";

// Small shared pieces of the ranking mutations.

/** 00:00 Asia/Shanghai of the first day after the quarter, as a UTC instant. */
export function quarterEndsAt(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, quarter * 3, 1) - 8 * 3_600_000);
}

/**
 * Serializes one program/quarter's ranking writes (compute, publish): two finance
 * officers pressing "compute" at once would otherwise create two drafts, and two
 * publications of the same quarter could both pass the "none published yet" check.
 */
export async function lockQuarter(tx: Prisma.TransactionClient, programId: string, year: number, quarter: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ranking:${programId}:${year}:${quarter}`}))`;
}

/** Dates become ISO strings: what a Json column stores and gives back. */
export function toJson<T>(value: T): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
