/**
 * Demo key-enterprise lists (重点企业名单) so the list pages and both dashboards' coverage
 * panels have something in every state, written through the real mutations: a list filled
 * from the 专精特新 tag, handed to the banks, with contacts in every outcome (the demo bank
 * liaison's among them) and members not contacted yet; a 高新技术企业 list handed over,
 * partly contacted and closed; a 重点纾困企业 list imported from USCCs (one of them unknown)
 * still being drawn up.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { KeyContactOutcome, KeyContactWay, RegistrationStatus, Role } from "@/lib/generated/prisma/enums";
import { DEMO_USERS } from "@/lib/seed/base";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { createKeyList } from "@/lib/key-lists/mutations/create-key-list";
import { assignKeyList, closeKeyList } from "@/lib/key-lists/mutations/key-list-steps";
import { recordKeyContact } from "@/lib/key-lists/mutations/record-key-contact";
import type { TRecordKeyContactInput } from "@/lib/key-lists/schemas";

const OUTCOMES: readonly KeyContactOutcome[] = [
  KeyContactOutcome.CONNECTED,
  KeyContactOutcome.HAS_NEED,
  KeyContactOutcome.CREDIT_GRANTED,
  KeyContactOutcome.NO_NEED,
];
const WAYS: readonly KeyContactWay[] = [KeyContactWay.VISIT, KeyContactWay.PHONE, KeyContactWay.MEETING, KeyContactWay.ONLINE];
// A USCC with a valid shape that no demo enterprise has: the import report shows it.
const UNKNOWN_USCC = "91430900MA4X000000";

const dayOffset = (referenceDate: string, days: number) =>
  new Date(Date.parse(`${referenceDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function userActor(
  client: PrismaClient,
  where: { account?: string; orgId?: string; role?: { in: Role[] } },
): Promise<TActorSource | null> {
  const u = await client.user.findFirst({
    where: { ...where, active: true },
    orderBy: { account: "asc" },
    select: { id: true, orgId: true, role: true, org: { select: { kind: true } } },
  });
  return u ? { userId: u.id, orgId: u.orgId, role: u.role, orgKind: u.org.kind } : null;
}

/** Contacts on `count` members of the list, spread over the outcomes, by each member's own bank. */
async function contactMembers(client: PrismaClient, listId: string, count: number, referenceDate: string, now: Date): Promise<void> {
  const liaison = await userActor(client, { account: DEMO_USERS.bankLiaison.account });
  const members = await client.keyListMember.findMany({
    where: { listId, bankOrgId: { not: null } },
    orderBy: [{ uscc: "asc" }, { id: "asc" }],
    select: { id: true, bankOrgId: true },
  });
  // The demo liaison's members first, so its dashboard shows contacts in every outcome.
  const own = members.filter((m) => m.bankOrgId === liaison?.orgId);
  const others = members.filter((m) => m.bankOrgId !== liaison?.orgId);
  const chosen = [...own.slice(0, OUTCOMES.length), ...others].slice(0, count);
  const actors = new Map<string, TActorSource | null>();
  for (const [i, m] of chosen.entries()) {
    if (!actors.has(m.bankOrgId!)) {
      actors.set(m.bankOrgId!, await userActor(client, { orgId: m.bankOrgId!, role: { in: [Role.BANK_LIAISON, Role.BANK_MANAGER] } }));
    }
    const actor = actors.get(m.bankOrgId!);
    if (!actor) continue;
    const outcome = OUTCOMES[i % OUTCOMES.length]!;
    const input: TRecordKeyContactInput = {
      memberId: m.id,
      contactedOn: dayOffset(referenceDate, -(3 + (i % 40))),
      way: WAYS[i % WAYS.length]!,
      outcome,
      need: outcome === KeyContactOutcome.NO_NEED ? null : "流动资金周转，希望办理信用贷款",
      needAmountFen: outcome === KeyContactOutcome.NO_NEED ? null : String((100 + (i % 5) * 50) * 1_000_000),
      creditAmountFen: outcome === KeyContactOutcome.CREDIT_GRANTED ? String((80 + (i % 5) * 40) * 1_000_000) : null,
      note: null,
    };
    await recordKeyContact(client, actor, input, { now });
  }
}

export async function seedDemoKeyLists(client: PrismaClient, referenceDate: string): Promise<void> {
  const admin = await userActor(client, { account: DEMO_USERS.financeAdmin.account });
  if (!admin) return;
  const year = Number(referenceDate.slice(0, 4));
  const now = new Date(`${referenceDate}T12:00:00+08:00`);

  const assigned = await createKeyList(
    client,
    admin,
    { name: `${year}年专精特新企业名单`, year, source: "tag", tag: "专精特新", usccs: [] },
    { now },
  );
  await assignKeyList(client, admin, { listId: assigned.listId, version: 1 }, { now });
  await contactMembers(client, assigned.listId, 24, referenceDate, now);

  const closed = await createKeyList(
    client,
    admin,
    { name: `${year}年高新技术企业名单`, year, source: "tag", tag: "高新技术企业", usccs: [] },
    { now },
  );
  await assignKeyList(client, admin, { listId: closed.listId, version: 1 }, { now });
  await contactMembers(client, closed.listId, 12, referenceDate, now);
  await closeKeyList(client, admin, { listId: closed.listId, version: 2 }, { now });

  const usccs = (
    await client.enterprise.findMany({
      where: { registrationStatus: RegistrationStatus.APPROVED },
      orderBy: { uscc: "desc" },
      take: 12,
      select: { uscc: true },
    })
  ).map((e) => e.uscc);
  await createKeyList(
    client,
    admin,
    { name: `${year}年重点纾困企业名单`, year, source: "import", tag: null, usccs: [...usccs, UNKNOWN_USCC] },
    { now },
  );
}
