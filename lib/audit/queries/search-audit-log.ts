import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { AUDIT_PAGE_SIZE, auditTimeWindow, type TAuditCursor, type TAuditFilters, type TAuditOutcome } from "../schemas";

/**
 * The audit-log search, newest first, with keyset pagination on ("occurredAt", id).
 * Raw SQL so the statement is exactly the one EXPLAIN is checked on
 * (tests/integration/audit.test.ts). Indexes it relies on:
 *   - "AuditLog_occurredAt_idx": no filter, time range, outcome, organization (scanned
 *     backwards, newest first; outcome and organization are filters on that scan);
 *   - "AuditLog_actorUserId_occurredAt_idx": account (looked up first, see below) —
 *     for a busy account the planner may rightly prefer the time index and a filter;
 *   - "AuditLog_action_occurredAt_idx": action prefix (LIKE 'auth.%' is an index range
 *     under the C collation the databases are created with) — the planner may instead
 *     scan by time and filter when the prefix matches most rows.
 * Ties on occurredAt are broken by id (incremental sort on top of the time index).
 */

export type TAuditRow = {
  id: string;
  occurredAt: Date;
  action: string;
  outcome: TAuditOutcome;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
  actorUserId: string | null;
  actorOrgId: string | null;
  actorAccount: string | null;
  actorName: string | null;
  orgName: string | null;
};

export type TAuditPage = { rows: TAuditRow[]; next: TAuditCursor | null };

type TRawRow = Omit<TAuditRow, "id"> & { id: bigint | string | number };

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The filters with the account already looked up: the user id is then a plain value the
 * planner can weigh against the column's statistics (a subquery's value is unknown when
 * the plan is made, and it would guess a time-index scan that, for a quiet account, reads
 * the whole index). Null when the account does not exist: nothing can match.
 */
export type TResolvedAuditFilters = Omit<TAuditFilters, "account"> & { actorUserId?: string };

export async function resolveAuditFilters(db: Pick<PrismaClient, "user">, filters: TAuditFilters): Promise<TResolvedAuditFilters | null> {
  const { account, ...rest } = filters;
  if (!account) return rest;
  const user = await db.user.findUnique({ where: { account }, select: { id: true } });
  return user ? { ...rest, actorUserId: user.id } : null;
}

/** The WHERE conditions of a search (always at least one: TRUE). */
function conditions(filters: TResolvedAuditFilters, cursor: TAuditCursor | null): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  const { fromAt, toBefore } = auditTimeWindow(filters);
  if (fromAt) where.push(Prisma.sql`a."occurredAt" >= ${fromAt.toISOString()}::timestamptz`);
  if (toBefore) where.push(Prisma.sql`a."occurredAt" < ${toBefore.toISOString()}::timestamptz`);
  if (filters.actorUserId) where.push(Prisma.sql`a."actorUserId" = ${filters.actorUserId}::uuid`);
  if (filters.org) {
    // The organization the actor acted for, found by (part of) its name or short name.
    const needle = filters.org.toLowerCase();
    where.push(
      Prisma.sql`a."actorOrgId" IN (SELECT o2.id FROM "Organization" o2
        WHERE strpos(lower(o2.name), ${needle}) > 0 OR strpos(lower(coalesce(o2."shortName", '')), ${needle}) > 0)`,
    );
  }
  if (filters.action) where.push(Prisma.sql`a.action LIKE ${`${escapeLike(filters.action)}%`}`);
  if (filters.outcome) where.push(Prisma.sql`a.outcome = ${filters.outcome}::"AuditOutcome"`);
  if (cursor) {
    // PostgreSQL ranges the time index over the row comparison's first column
    // ("occurredAt" <= …), so a deep page starts where the previous one ended.
    where.push(Prisma.sql`(a."occurredAt", a.id) < (${cursor.occurredAt.toISOString()}::timestamptz, ${cursor.id}::bigint)`);
  }
  if (where.length === 0) where.push(Prisma.sql`TRUE`);
  return where;
}

/** The SELECT of one page (limit rows). Exported for the EXPLAIN check. */
export function auditSearchSql(filters: TResolvedAuditFilters, cursor: TAuditCursor | null, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id, a."occurredAt", a.action, a.outcome::text AS outcome, a."targetType", a."targetId", a.ip, a."userAgent",
           a.details, a."actorUserId"::text AS "actorUserId", a."actorOrgId"::text AS "actorOrgId",
           u.account AS "actorAccount", u.name AS "actorName", o.name AS "orgName"
      FROM "AuditLog" a
      LEFT JOIN "User" u ON u.id = a."actorUserId"
      LEFT JOIN "Organization" o ON o.id = a."actorOrgId"
     WHERE ${Prisma.join(conditions(filters, cursor), " AND ")}
     ORDER BY a."occurredAt" DESC, a.id DESC
     LIMIT ${limit}`;
}

type TDb = Pick<PrismaClient, "$queryRaw" | "user">;

/** One page, newest first; `next` is set when there are more rows after it. */
export async function searchAuditLog(
  db: TDb,
  filters: TAuditFilters,
  options: { cursor?: TAuditCursor | null; limit?: number } = {},
): Promise<TAuditPage> {
  const limit = options.limit ?? AUDIT_PAGE_SIZE;
  const resolved = await resolveAuditFilters(db, filters);
  if (!resolved) return { rows: [], next: null };
  const raw = await db.$queryRaw<TRawRow[]>(auditSearchSql(resolved, options.cursor ?? null, limit + 1));
  const rows = raw.slice(0, limit).map((r) => ({ ...r, id: String(r.id) }));
  const last = rows.at(-1);
  const next = raw.length > limit && last ? { occurredAt: last.occurredAt, id: last.id } : null;
  return { rows, next };
}
