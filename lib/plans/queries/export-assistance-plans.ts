/**
 * The plan list as the export reads it: the list's own scope and order
 * (listAssistancePlans), page after page by keyset, up to EXPORT_CAP rows (`capped` says
 * when there were more).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { listAssistancePlans, type TPlanRow } from "./list-assistance-plans";

export const EXPORT_CAP = 10_000;
const BATCH = 500;

export async function exportAssistancePlans(db: PrismaClient, user: TActorSource): Promise<{ rows: TPlanRow[]; capped: boolean }> {
  const rows: TPlanRow[] = [];
  let token: string | null = null;
  do {
    const page = await listAssistancePlans(db, user, token ? { direction: "after", token } : null, { pageSize: BATCH });
    rows.push(...page.rows);
    token = page.next;
  } while (token && rows.length < EXPORT_CAP);
  return { rows: rows.slice(0, EXPORT_CAP), capped: token !== null || rows.length > EXPORT_CAP };
}
