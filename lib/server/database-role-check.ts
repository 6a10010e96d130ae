/**
 * The portal's promise that the ledger, the audit log and published records are never
 * changed holds only against a database role that cannot switch their triggers off: not a
 * superuser (session_replication_role), not the tables' owner (ALTER TABLE … DISABLE
 * TRIGGER), not a replication role, not one that bypasses row security. A production server
 * that connects as such a role refuses to start (instrumentation.ts) with this message.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TDatabaseRoleProblem = "superuser" | "owner" | "replication" | "bypassrls";

export type TDatabaseRoleCheck = { role: string; problems: TDatabaseRoleProblem[] };

export async function checkDatabaseRole(db: Pick<PrismaClient, "$queryRaw">): Promise<TDatabaseRoleCheck> {
  const [row] = await db.$queryRaw<{ role: string; superuser: boolean; replication: boolean; bypassrls: boolean; owner: boolean }[]>`
    SELECT current_user::text AS role, r.rolsuper AS superuser, r.rolreplication AS replication, r.rolbypassrls AS bypassrls,
           EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND pg_has_role(current_user, t.tableowner, 'USAGE')) AS owner
      FROM pg_roles r WHERE r.rolname = current_user`;
  if (!row) return { role: "unknown", problems: ["superuser"] };
  const problems: TDatabaseRoleProblem[] = [];
  if (row.superuser) problems.push("superuser");
  else if (row.owner) problems.push("owner");
  if (row.replication) problems.push("replication");
  if (row.bypassrls) problems.push("bypassrls");
  return { role: row.role, problems };
}

const WHAT: Record<TDatabaseRoleProblem, string> = {
  superuser: "is a superuser",
  owner: "owns the portal's tables",
  replication: "is a replication role",
  bypassrls: "bypasses row security",
};

/** What an operator reads in the log when the server refuses to start. */
export function databaseRoleRefusal(check: TDatabaseRoleCheck): string {
  return (
    `RongQiao will not start: DATABASE_URL connects as "${check.role}", which ${check.problems.map((p) => WHAT[p]).join(" and ")}. ` +
    "Such a role can switch off the triggers that keep the ledger, the audit log and published records unchanged. " +
    "Connect the portal as a role that owns nothing (DATABASE_URL) and apply migrations as the owner " +
    '(DATABASE_OWNER_URL=… npm run db:migrate, which also grants the portal\'s role what it needs). See README, "Database roles".'
  );
}
