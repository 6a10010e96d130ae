/**
 * Who hears about a workflow step, and the notify() call with the item's usual parameters.
 * Dedupe keys are `<kind>:<requestId>:<ledger seq>`: one event, one notification per user,
 * however often the same transaction is retried.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { notify, type TNotificationKind } from "@/lib/notifications/mutations/notify";
import type { TStepRow } from "@/lib/requests/mutations/run-step";

type TTx = Prisma.TransactionClient;

/** The finance office (drives 督办) and, when asked, the central bank branch (watches it). */
export async function supervisorOrgIds(tx: TTx, withCentralBank: boolean): Promise<string[]> {
  const kinds = withCentralBank ? [OrgKind.FINANCE_OFFICE, OrgKind.CENTRAL_BANK] : [OrgKind.FINANCE_OFFICE];
  const orgs = await tx.organization.findMany({ where: { kind: { in: kinds }, active: true }, select: { id: true } });
  return orgs.map((o) => o.id);
}

export async function notifyStep(
  tx: TTx,
  row: Pick<TStepRow, "id" | "serial" | "title">,
  kind: TNotificationKind,
  orgIds: readonly (string | null)[],
  seq: number,
  params: Record<string, string | number> = {},
): Promise<void> {
  await notify(tx, {
    kind,
    orgIds: orgIds.filter((id): id is string => Boolean(id)),
    requestId: row.id,
    link: `/requests/${row.id}`,
    params: { serial: row.serial, title: row.title, ...params },
    dedupeKey: `${kind}:${row.id}:${seq}`,
  });
}
