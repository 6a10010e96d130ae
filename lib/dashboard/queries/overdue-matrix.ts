/**
 * Overdue items city-wide by bank and by park: running (FORWARDED, SIGNED, ESCALATED),
 * unanswered and past dueAt at `now` — the supervision queue's "past its deadline". Banks
 * are the top-level banks (a sub-branch's items count for its head bank), so the matrix
 * stays one row per bank. Only for actors who see the supervision queue (every item);
 * anyone else gets an empty matrix. From the open read model (a few rows per bank and park).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { countOverdueByBankAndPark } from "@/lib/read-models/queries/count-open-items";
import { maySeeSupervisionQueue } from "@/lib/requests/queries/list-supervision-queue";

export type TOverdueCell = { bankOrgId: string; parkId: string; count: number };
export type TOverdueMatrix = {
  banks: { bankOrgId: string; bankName: string; total: number }[];
  parks: { parkId: string; parkName: string; total: number }[];
  cells: TOverdueCell[];
  total: number;
};

export async function overdueMatrix(db: PrismaClient, user: TActorSource, now: Date): Promise<TOverdueMatrix> {
  if (!maySeeSupervisionQueue(actorOf(user))) return { banks: [], parks: [], cells: [], total: 0 };
  const rows = await countOverdueByBankAndPark(db, now);
  const banks = new Map<string, { bankOrgId: string; bankName: string; total: number }>();
  const parks = new Map<string, { parkId: string; parkName: string; code: string; total: number }>();
  for (const r of rows) {
    const b = banks.get(r.bankOrgId) ?? { bankOrgId: r.bankOrgId, bankName: r.bankName, total: 0 };
    b.total += r.count;
    banks.set(r.bankOrgId, b);
    const p = parks.get(r.parkId) ?? { parkId: r.parkId, parkName: r.parkName, code: r.parkCode, total: 0 };
    p.total += r.count;
    parks.set(r.parkId, p);
  }
  return {
    banks: [...banks.values()].sort((a, b) => b.total - a.total || a.bankName.localeCompare(b.bankName, "zh-CN")),
    parks: [...parks.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(({ parkId, parkName, total }) => ({ parkId, parkName, total })),
    cells: rows.map((r) => ({ bankOrgId: r.bankOrgId, parkId: r.parkId, count: r.count })),
    total: rows.reduce((s, r) => s + r.count, 0),
  };
}
