/**
 * Every daily anchor, oldest first, as CSV text (lib/audit/csv.ts: quoted, formula-safe,
 * with a byte-order mark for Excel): the copy the finance office keeps outside the portal.
 * One row per day, so a few thousand rows at most.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CSV_BOM, csvLine, formatShanghaiTime } from "@/lib/audit/csv";
import { anchorOfRow } from "../anchor";

export type TAnchorCsvHeadings = Record<"day" | "requests" | "entries" | "headsDigest" | "prevDigest" | "digest" | "createdAt", string>;

export async function exportLedgerAnchors(db: PrismaClient, headings: TAnchorCsvHeadings): Promise<string> {
  const rows = await db.ledgerAnchor.findMany({ orderBy: { day: "asc" } });
  const columns = ["day", "requests", "entries", "headsDigest", "prevDigest", "digest", "createdAt"] as const;
  const lines = [csvLine(columns.map((c) => headings[c]))];
  for (const row of rows) {
    const a = anchorOfRow(row);
    lines.push(csvLine([a.day, a.requests, a.entries, a.headsDigest, a.prevDigest, a.digest, formatShanghaiTime(row.createdAt)]));
  }
  return CSV_BOM + lines.join("");
}
