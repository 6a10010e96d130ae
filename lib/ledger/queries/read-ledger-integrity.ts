/**
 * What the finance office's ledger-integrity page shows: when the check last ran, the
 * breaks it recorded (newest first), and the latest daily anchors with whether their
 * chain holds (lib/ledger/anchor.ts). Small tables (one row per break, one per day).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LedgerIssueKind } from "@/lib/generated/prisma/enums";
import { anchorOfRow, dayOfDate, verifyAnchorChain, type TAnchor } from "../anchor";

export const LEDGER_ANCHORS_SHOWN = 60;
export const LEDGER_ISSUES_SHOWN = 200;

export type TLedgerIssueRow = {
  id: string;
  kind: LedgerIssueKind;
  detectedAt: Date;
  item: { id: string; serial: string; title: string } | null;
  brokenAtSeq: number | null;
  anchorDay: string | null;
};

export type TLedgerAnchorRow = TAnchor & { createdAt: Date; linked: boolean };

export type TLedgerIntegrity = {
  /** When the check last finished a run; null before its first run. */
  lastCheckedAt: Date | null;
  /** The newest LEDGER_ISSUES_SHOWN breaks; issuesTotal says how many there are in all. */
  issues: TLedgerIssueRow[];
  issuesTotal: number;
  /** Newest first. */
  anchors: TLedgerAnchorRow[];
};

export async function readLedgerIntegrity(db: PrismaClient): Promise<TLedgerIntegrity> {
  const [state, issues, issuesTotal, anchorRows] = await Promise.all([
    db.ledgerCheckState.findUnique({ where: { id: 1 }, select: { updatedAt: true } }),
    db.ledgerIntegrityIssue.findMany({ orderBy: { detectedAt: "desc" }, take: LEDGER_ISSUES_SHOWN }),
    db.ledgerIntegrityIssue.count(),
    // One more than shown, so the oldest shown can be checked against the one before it.
    db.ledgerAnchor.findMany({ orderBy: { day: "desc" }, take: LEDGER_ANCHORS_SHOWN + 1 }),
  ]);
  const ids = issues.flatMap((i) => (i.requestId ? [i.requestId] : []));
  const items = new Map(
    ids.length === 0
      ? []
      : (await db.request.findMany({ where: { id: { in: ids } }, select: { id: true, serial: true, title: true } })).map((r) => [r.id, r]),
  );
  // The chain is checked oldest first; an anchor is linked when the chain up to it holds.
  const oldestFirst = anchorRows.map(anchorOfRow).reverse();
  const brokenAt = verifyAnchorChain(oldestFirst);
  const anchors = anchorRows.slice(0, LEDGER_ANCHORS_SHOWN).map((row, newest) => {
    const index = anchorRows.length - 1 - newest;
    return { ...oldestFirst[index]!, createdAt: row.createdAt, linked: brokenAt < 0 || index < brokenAt };
  });
  return {
    // The check's first run creates its state row.
    lastCheckedAt: state?.updatedAt ?? null,
    issues: issues.map((i) => ({
      id: i.id.toString(),
      kind: i.kind,
      detectedAt: i.detectedAt,
      item: i.requestId ? (items.get(i.requestId) ?? null) : null,
      brokenAtSeq: i.brokenAtSeq,
      anchorDay: i.anchorDay ? dayOfDate(i.anchorDay) : null,
    })),
    issuesTotal,
    anchors,
  };
}
