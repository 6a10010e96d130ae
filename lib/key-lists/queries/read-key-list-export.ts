/**
 * A list's members with their contact state for the Excel export: the page's scope and
 * order, read in keyset batches (a tag list may hold tens of thousands of members), up to
 * KEY_LIST_EXPORT_CAP rows.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { KEY_MEMBER_SELECT, keyMemberRow, keyMemberScope, type TKeyMemberRow } from "@/lib/key-lists/queries/list-key-list-members";

export const KEY_LIST_EXPORT_CAP = 100_000;
const BATCH = 5_000;

export async function readKeyListExport(
  db: PrismaClient,
  actor: TActorSource,
  listId: string,
): Promise<{ rows: TKeyMemberRow[]; capped: boolean }> {
  const scope = await keyMemberScope(db, actor, listId);
  if (!scope) return { rows: [], capped: false };
  const rows: TKeyMemberRow[] = [];
  let after: { uscc: string; id: string } | null = null;
  for (;;) {
    const batch: TKeyMemberRow[] = (
      await db.keyListMember.findMany({
        where: after ? { AND: [scope, { OR: [{ uscc: { gt: after.uscc } }, { uscc: after.uscc, id: { gt: after.id } }] }] } : scope,
        orderBy: [{ uscc: "asc" }, { id: "asc" }],
        take: BATCH,
        select: KEY_MEMBER_SELECT,
      })
    ).map(keyMemberRow);
    rows.push(...batch);
    if (rows.length > KEY_LIST_EXPORT_CAP) return { rows: rows.slice(0, KEY_LIST_EXPORT_CAP), capped: true };
    if (batch.length < BATCH) return { rows, capped: false };
    const last = batch[batch.length - 1]!;
    after = { uscc: last.uscc, id: last.id };
  }
}
