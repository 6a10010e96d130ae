/**
 * Names of the banks a request's ledger entries mention by id (passed to, assigned to,
 * copied …), so the timeline can say which bank. Only BANK organizations: bank names are
 * public (published at every park), and an id of any other kind is simply not named.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { bankIdsOf } from "../timeline-content";
import { isUuid } from "@/lib/ids";

export async function timelineBankNames(db: PrismaClient, timeline: readonly { content: unknown }[]): Promise<Record<string, string>> {
  const ids = [...new Set(timeline.flatMap((e) => bankIdsOf(e.content)))].filter((id) => isUuid(id));
  if (ids.length === 0) return {};
  const banks = await db.organization.findMany({ where: { id: { in: ids }, kind: OrgKind.BANK }, select: { id: true, name: true } });
  return Object.fromEntries(banks.map((b) => [b.id, b.name]));
}
