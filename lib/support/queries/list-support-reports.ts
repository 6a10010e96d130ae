import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { SupportClass, SupportReportStatus } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { isNothing } from "@/lib/auth/scopes";
import { emptyCountedPage, keyDate, keyUuid, readCappedBatches, readCountedPage } from "@/lib/pagination/keyset";
import type { TCountedPage, TFilteredRead, TKeyColumn, TPageCursor } from "@/lib/pagination/keyset";
import type { TPairingScopeContext } from "@/lib/pairings/scopes";
import { monthOf } from "@/lib/support/rules";
import { supportPairingScope } from "@/lib/support/scopes";

// The monthly 1+1 reports as each actor may see them (the reviewing office's queue, a
// bank's own list), newest month first, keyset-paged. Served by SupportReport(status,
// month, id) for a status filter and SupportReport(bankOrgId, month, id) for a bank.

type TDb = PrismaClient | Prisma.TransactionClient;

export const SUPPORT_PAGE_SIZE = 50;
export const SUPPORT_EXPORT_MAX_ROWS = 20_000;
export const SUPPORT_REPORT_STATUSES = ["OVERDUE", "FILED", "RETURNED", "ACCEPTED"] as const satisfies readonly SupportReportStatus[];

export type TSupportReportFilters = { status: SupportReportStatus | null };

/** The filters of the list's URL; anything unknown is no filter. */
export function parseSupportReportFilters(params: Record<string, string | string[] | undefined> | URLSearchParams): TSupportReportFilters {
  const raw = params instanceof URLSearchParams ? params.get("status") : params.status;
  const status = Array.isArray(raw) ? raw[0] : raw;
  return { status: (SUPPORT_REPORT_STATUSES as readonly string[]).includes(status ?? "") ? (status as SupportReportStatus) : null };
}

const ROW_SELECT = {
  id: true,
  month: true,
  dueOn: true,
  status: true,
  revision: true,
  version: true,
  creditGrantedFen: true,
  filedAt: true,
  reviewedAt: true,
  lateAt: true,
  pairing: {
    select: {
      id: true,
      accountManagerName: true,
      bank: { select: { name: true, shortName: true } },
      enterprise: { select: { name: true, supportClass: true } },
    },
  },
} as const satisfies Prisma.SupportReportSelect;
type TRow = Prisma.SupportReportGetPayload<{ select: typeof ROW_SELECT }>;

export type TSupportReportRow = {
  id: string;
  pairingId: string;
  month: string;
  dueOn: Date;
  status: SupportReportStatus;
  revision: number;
  version: number;
  creditGrantedFen: string;
  filedAt: Date | null;
  reviewedAt: Date | null;
  late: boolean;
  bankName: string;
  enterpriseName: string;
  supportClass: SupportClass | null;
  accountManagerName: string;
};

function toRow(r: TRow): TSupportReportRow {
  return {
    id: r.id,
    pairingId: r.pairing.id,
    month: monthOf(r.month),
    dueOn: r.dueOn,
    status: r.status,
    revision: r.revision,
    version: r.version,
    creditGrantedFen: r.creditGrantedFen.toString(),
    filedAt: r.filedAt,
    reviewedAt: r.reviewedAt,
    late: r.lateAt !== null,
    bankName: r.pairing.bank.shortName ?? r.pairing.bank.name,
    enterpriseName: r.pairing.enterprise.name,
    supportClass: r.pairing.enterprise.supportClass,
    accountManagerName: r.pairing.accountManagerName,
  };
}

export function supportReportWhere(
  actor: TActor,
  ctx: TPairingScopeContext,
  filters: TSupportReportFilters,
): Prisma.SupportReportWhereInput | null {
  const scope = supportPairingScope(actor, ctx);
  if (isNothing(scope)) return null;
  const and: Prisma.SupportReportWhereInput[] = [];
  // A bank's scope names its bank ids: put them on the report itself so its index serves.
  const banks = (scope as { bankOrgId?: { in: string[] } }).bankOrgId;
  if (banks) and.push({ bankOrgId: banks });
  else if (Object.keys(scope).length > 0) and.push({ pairing: scope });
  if (filters.status) and.push({ status: filters.status });
  return { AND: and };
}

const ORDER: Prisma.SupportReportOrderByWithRelationInput[] = [{ month: "desc" }, { id: "desc" }];
const COLUMNS: readonly TKeyColumn[] = [
  { field: "month", direction: "desc" },
  { field: "id", direction: "desc" },
];
const CURSOR = z.tuple([keyDate, keyUuid]);

export type TSupportReportPage = TCountedPage<TSupportReportRow>;

/** One keyset page of the reports (50 a page, newest month first), with a total capped at COUNT_CAP. */
export async function listSupportReports(
  db: TDb,
  actor: TActor,
  ctx: TPairingScopeContext,
  filters: TSupportReportFilters,
  cursor: TPageCursor | null = null,
): Promise<TSupportReportPage> {
  const where = supportReportWhere(actor, ctx, filters);
  if (!where) return emptyCountedPage(SUPPORT_PAGE_SIZE);
  return readCountedPage(
    {
      columns: COLUMNS,
      cursor: CURSOR,
      keyOf: (r: TSupportReportRow) => [new Date(`${r.month}-01T00:00:00Z`), r.id],
      where,
      find: async (q: TFilteredRead<Prisma.SupportReportWhereInput, Prisma.SupportReportOrderByWithRelationInput>) =>
        (await db.supportReport.findMany({ ...q, select: ROW_SELECT })).map(toRow),
    },
    (q) => db.supportReport.count(q),
    cursor,
    SUPPORT_PAGE_SIZE,
  );
}

/** Every report of the list (same scope and filters), read in keyset batches; at most SUPPORT_EXPORT_MAX_ROWS. */
export async function exportSupportReports(
  db: TDb,
  actor: TActor,
  ctx: TPairingScopeContext,
  filters: TSupportReportFilters,
  maxRows = SUPPORT_EXPORT_MAX_ROWS,
): Promise<{ rows: TSupportReportRow[]; capped: boolean }> {
  const where = supportReportWhere(actor, ctx, filters);
  if (!where) return { rows: [], capped: false };
  const { rows, capped } = await readCappedBatches(
    (after: TRow | null, take) =>
      db.supportReport.findMany({
        where: { AND: [where, after ? { OR: [{ month: { lt: after.month } }, { month: after.month, id: { lt: after.id } }] } : {}] },
        select: ROW_SELECT,
        orderBy: ORDER,
        take,
      }),
    maxRows,
  );
  return { rows: rows.map(toRow), capped };
}
