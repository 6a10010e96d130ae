/**
 * Demo summonses (约谈) so the summons pages have something in every state: the quarter
 * before the last complete one is computed, reviewed by both offices and published through
 * the real ranking mutations (the last quarter stays the draft seedDemoRanking leaves, for
 * the ranking walkthrough), then one summons per status is opened on it and taken through
 * the real summons steps by the banks' managers, the finance office and the central bank.
 * Measure deadlines before the reference date make the open ones overdue, so the last
 * quarter's bulletin page shows them in its rectification section.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Role, SummonsStatus } from "@/lib/generated/prisma/enums";
import { DEMO_USERS } from "@/lib/seed/base";
import { computeDraftRanking } from "@/lib/ranking/mutations/compute-draft-ranking";
import { publishRanking, reviewRanking } from "@/lib/ranking/mutations/review-ranking";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { openSummons } from "@/lib/summons/mutations/open-summons";
import {
  acceptSummonsCompletion,
  acceptSummonsPlan,
  cosignSummons,
  fileSummonsCompletion,
  fileSummonsPlan,
  returnSummonsCompletion,
  returnSummonsPlan,
} from "@/lib/summons/mutations/summons-steps";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";

const STATES: readonly SummonsStatus[] = [
  SummonsStatus.AWAITING_PLAN,
  SummonsStatus.PLAN_SUBMITTED,
  SummonsStatus.PLAN_RETURNED,
  SummonsStatus.IN_RECTIFICATION,
  SummonsStatus.COMPLETION_SUBMITTED,
  SummonsStatus.COMPLETION_RETURNED,
  SummonsStatus.COMPLETED,
];

function quarterBefore(year: number, quarter: number): { year: number; quarter: 1 | 2 | 3 | 4 } {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as 1 | 2 | 3 };
}

const dayOffset = (referenceDate: string, days: number) =>
  new Date(Date.parse(`${referenceDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function actorOf(client: PrismaClient, where: { account?: string; orgId?: string; role?: Role }): Promise<TActorSource | null> {
  const u = await client.user.findFirst({
    where,
    orderBy: { account: "asc" },
    select: { id: true, orgId: true, role: true, org: { select: { kind: true } } },
  });
  return u ? { userId: u.id, orgId: u.orgId, role: u.role, orgKind: u.org.kind } : null;
}

export async function seedDemoSummons(client: PrismaClient, referenceDate: string): Promise<void> {
  const [year, month] = referenceDate.split("-").map(Number) as [number, number];
  const last = quarterBefore(year, Math.floor((month - 1) / 3) + 1);
  const ref = quarterBefore(last.year, last.quarter);
  const [admin, pbc, program] = await Promise.all([
    actorOf(client, { account: DEMO_USERS.financeAdmin.account }),
    actorOf(client, { account: DEMO_USERS.pbcStaff.account }),
    getCurrentProgram(client, ref.year),
  ]);
  if (!admin || !pbc || !program) return;
  const now = new Date(`${referenceDate}T12:00:00+08:00`);
  const { rankingId } = await computeDraftRanking(client, admin, { programId: program.id, ...ref }, { now });
  await reviewRanking(client, admin, rankingId, { now });
  await reviewRanking(client, pbc, rankingId, { now });
  await publishRanking(client, admin, rankingId, { now });

  // The bottom of the bulletin first; a bank is summoned at most once.
  const entries = await client.rankingEntry.findMany({ where: { rankingId }, orderBy: { rank: "desc" }, select: { bankOrgId: true } });
  const banks: Array<{ bankOrgId: string; manager: TActorSource }> = [];
  for (const e of entries) {
    const manager = await actorOf(client, { orgId: e.bankOrgId, role: Role.BANK_MANAGER });
    if (manager) banks.push({ bankOrgId: e.bankOrgId, manager });
  }
  for (const [i, status] of STATES.entries()) {
    const bank = banks[i];
    if (!bank) break;
    const { id } = await openSummons(
      client,
      admin,
      {
        rankingId,
        bankOrgId: bank.bankOrgId,
        heldOn: dayOffset(referenceDate, -40 + i),
        attendees: "市金融办、人民银行市中心支行、被约谈行行长及分管信贷副行长",
        issues: "限时答复率偏低，部分融资需求逾期未答复，已列入督办。",
        measures: [
          { text: "逐件答复逾期事项并向企业说明", deadline: dayOffset(referenceDate, -10 + i) },
          { text: "建立限时答复台账，每周通报", deadline: dayOffset(referenceDate, 20) },
        ],
      },
      { now },
    );
    let version = 1;
    const step = async (run: (v: number) => Promise<{ version: number }>) => {
      version = (await run(version)).version;
    };
    const s = (v: number) => ({ summonsId: id, version: v });
    const plan = "一、逐件答复逾期事项；二、建立限时答复台账，分管行长每周督办；三、对责任人进行考核。";
    const report = "逾期事项已全部答复；限时答复台账已建立并运行。";
    if (i % 2 === 1) await step((v) => cosignSummons(client, pbc, s(v), { now }));
    if (status === SummonsStatus.AWAITING_PLAN) continue;
    await step((v) => fileSummonsPlan(client, bank.manager, { ...s(v), text: plan }, { now }));
    if (status === SummonsStatus.PLAN_SUBMITTED) continue;
    if (status === SummonsStatus.PLAN_RETURNED) {
      await step((v) => returnSummonsPlan(client, admin, { ...s(v), reason: "措施不够具体，请写明责任人和完成时间。" }, { now }));
      continue;
    }
    await step((v) => acceptSummonsPlan(client, admin, s(v), { now }));
    if (status === SummonsStatus.IN_RECTIFICATION) continue;
    await step((v) => fileSummonsCompletion(client, bank.manager, { ...s(v), text: report }, { now }));
    if (status === SummonsStatus.COMPLETION_SUBMITTED) continue;
    if (status === SummonsStatus.COMPLETION_RETURNED) {
      await step((v) => returnSummonsCompletion(client, admin, { ...s(v), reason: "请附上台账运行情况。" }, { now }));
      continue;
    }
    await step((v) => acceptSummonsCompletion(client, admin, s(v), { now }));
  }
}
