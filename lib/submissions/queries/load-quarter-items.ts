import type { Prisma } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { ROUTING_ACTIONS, SUMMARY_ACTIONS, summarizeItem, type TPrefillItem } from "../items-summary";
import { quarterBounds, type TQuarterKey } from "../quarter";
import { bankWithDescendants } from "@/lib/auth/queries/load-scope-context";

type TDb = Pick<Prisma.TransactionClient, "$queryRaw" | "request">;

/**
 * The prefill of a bank's submission: its items of the quarter with a ledger summary each
 * (which items: see ../items-summary.ts), oldest first. Read-only for the bank: it comes
 * from the ledger, which nobody can edit. The caller has already checked that the reader
 * may see this bank's submission.
 */
export async function loadQuarterItems(db: TDb, params: TQuarterKey & { bankOrgId: string; now: Date }): Promise<TPrefillItem[]> {
  const banks = await bankWithDescendants(db, params.bankOrgId);
  if (banks.length === 0) return [];
  const bounds = quarterBounds(params);
  const rows = await db.request.findMany({
    where: {
      status: { not: RequestStatus.DRAFT },
      AND: [
        { OR: [{ assignedBankId: { in: banks } }, { routes: { some: { bankOrgId: { in: banks } } } }] },
        { OR: [{ closedAt: null }, { closedAt: { gte: bounds.start } }] },
      ],
      ledger: { some: { action: { in: [...ROUTING_ACTIONS] }, occurredAt: { lt: bounds.end } } },
    },
    select: {
      id: true,
      serial: true,
      title: true,
      type: true,
      status: true,
      rating: true,
      escalatedAt: true,
      enterprise: { select: { name: true } },
      ledger: {
        where: { action: { in: [...SUMMARY_ACTIONS] } },
        orderBy: { seq: "asc" },
        select: { action: true, occurredAt: true, toStatus: true, actorOrgId: true, content: true },
      },
    },
  });
  const covered = new Set(banks);
  const items: TPrefillItem[] = [];
  for (const r of rows) {
    const line = summarizeItem({ ...r, enterpriseName: r.enterprise.name }, covered, bounds, params.now);
    if (line) items.push(line);
  }
  return items.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.serial.localeCompare(b.serial));
}
