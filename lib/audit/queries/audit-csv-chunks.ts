import { auditCsvHeader, auditCsvRecord, csvLine, type TAuditCsvHeadings } from "@/lib/audit/csv";
import { AUDIT_EXPORT_MAX_ROWS, type TAuditCursor, type TAuditFilters } from "@/lib/audit/schemas";
import { searchAuditLog, type TAuditRow } from "@/lib/audit/queries/search-audit-log";

export type TAuditExportLabels = {
  headings: TAuditCsvHeadings;
  action: (action: string) => string;
  outcome: (outcome: TAuditRow["outcome"]) => string;
  /** The last line when the export stopped at the cap. */
  capped: (maxRows: number) => string;
};

type TDb = Parameters<typeof searchAuditLog>[0];

/**
 * The CSV of a search, in chunks (one per batch of rows), for a streamed response:
 * BOM and heading first, then the rows newest first, read batch by batch with the same
 * keyset pagination as the page, so memory stays flat whatever the size. At most
 * `maxRows` rows; if there were more, a last line says so.
 */
export async function* auditCsvChunks(
  db: TDb,
  filters: TAuditFilters,
  labels: TAuditExportLabels,
  options: { maxRows?: number; batchSize?: number } = {},
): AsyncGenerator<string, { rows: number; capped: boolean }> {
  const maxRows = options.maxRows ?? AUDIT_EXPORT_MAX_ROWS;
  const batchSize = options.batchSize ?? 2000;
  yield auditCsvHeader(labels.headings);
  let written = 0;
  let cursor: TAuditCursor | null = null;
  for (;;) {
    const want = Math.min(batchSize, maxRows - written);
    const page = await searchAuditLog(db, filters, { cursor, limit: want });
    if (page.rows.length > 0) {
      yield page.rows
        .map((r) => auditCsvRecord({ ...r, actionLabel: labels.action(r.action), outcomeLabel: labels.outcome(r.outcome) }))
        .join("");
      written += page.rows.length;
    }
    if (!page.next) return { rows: written, capped: false };
    if (written >= maxRows) {
      // page.next says at least one more row matched: the file is incomplete.
      yield csvLine([labels.capped(maxRows)]);
      return { rows: written, capped: true };
    }
    cursor = page.next;
  }
}
