/**
 * The summons list as the export reads it: the list's own scope and order (listSummonsPage),
 * page after page by keyset, up to EXPORT_CAP rows (`capped` says when there were more).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { listSummonsPage, type TSummonsRow } from "./list-summons";

export const EXPORT_CAP = 10_000;
const BATCH = 500;

export async function exportSummons(
  db: PrismaClient,
  user: TActorSource,
  now = new Date(),
): Promise<{ rows: TSummonsRow[]; capped: boolean }> {
  const rows: TSummonsRow[] = [];
  let token: string | null = null;
  do {
    const page = await listSummonsPage(db, user, token ? { direction: "after", token } : null, { now, pageSize: BATCH });
    rows.push(...page.rows);
    token = page.next;
  } while (token && rows.length < EXPORT_CAP);
  return { rows: rows.slice(0, EXPORT_CAP), capped: token !== null || rows.length > EXPORT_CAP };
}
