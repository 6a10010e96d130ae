/**
 * Demo park assistance plans (帮扶方案) so the plan pages have something in every state,
 * each taken through the real plan mutations by the park's main bank manager, the park
 * window and the finance office: the first park's plan approved with a second version in
 * draft (the park dashboard's plan block and the version history), then one park each with
 * a draft, a submitted, a park-approved, an approved and a returned plan. The seventh park
 * is left without a plan for the end-to-end walk (its main bank drafts one).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PairingRole, Role } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { startAssistancePlan } from "@/lib/plans/mutations/start-assistance-plan";
import { takePlanStep, type TPlanStepRequest } from "@/lib/plans/mutations/take-plan-step";
import type { TPlanContent } from "@/lib/plans/schemas";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { DEMO_USERS } from "@/lib/seed/base";

type TTarget = "approvedAndRevised" | "draft" | "submitted" | "parkApproved" | "approved" | "returned";
const STATES: readonly TTarget[] = ["approvedAndRevised", "draft", "submitted", "parkApproved", "approved", "returned"];

async function actorOf(client: PrismaClient, where: { account?: string; orgId?: string; role?: Role }): Promise<TActorSource | null> {
  const u = await client.user.findFirst({
    where,
    orderBy: { account: "asc" },
    select: { id: true, orgId: true, role: true, org: { select: { kind: true } } },
  });
  return u ? { userId: u.id, orgId: u.orgId, role: u.role, orgKind: u.org.kind } : null;
}

function content(i: number, productIds: string[]): TPlanContent {
  return {
    objectives:
      "围绕园区重点产业链，开展“两进两促”走访，摸清企业融资需求；对首贷户和科技型企业开辟绿色通道，全年新增贷款和首贷户数稳步增长。",
    amountFen: BigInt(20_000 + i * 5_000) * 1_000_000n,
    borrowers: 60 + i * 10,
    firstLoans: 15 + i * 2,
    creditLoans: 20 + i * 3,
    greenChannel: "园区企业融资需求 3 个工作日内答复；首贷户由客户经理专人对接；符合条件的信用贷款免收抵押评估费。",
    productIds,
    team: [
      { name: "周海峰", role: "分管副行长", phone: "0737-4201001" },
      { name: "李佳怡", role: "普惠金融部经理", phone: "0737-4201002" },
      { name: "王思远", role: "客户经理", phone: "13807370000" },
    ],
  };
}

export async function seedDemoPlans(client: PrismaClient, referenceDate: string): Promise<void> {
  const now = new Date(`${referenceDate}T12:00:00+08:00`);
  const program = await getCurrentProgram(client, undefined, now);
  const admin = await actorOf(client, { account: DEMO_USERS.financeAdmin.account });
  if (!program || !admin) return;
  const parks = await client.park.findMany({ orderBy: { code: "asc" }, select: { id: true, orgId: true }, take: STATES.length });
  for (const [i, state] of STATES.entries()) {
    const park = parks[i];
    if (!park) break;
    const pairing = await client.parkBankPairing.findFirst({
      where: { programId: program.id, year: program.year, parkId: park.id, role: PairingRole.MAIN, endedAt: null },
      select: { bankOrgId: true },
    });
    const [bank, window] = await Promise.all([
      pairing ? actorOf(client, { orgId: pairing.bankOrgId, role: Role.BANK_MANAGER }) : null,
      actorOf(client, { orgId: park.orgId, role: Role.PARK_STAFF }),
    ]);
    if (!pairing || !bank || !window) continue;
    const products = await client.bankProduct.findMany({
      where: { bankOrgId: pairing.bankOrgId, active: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true },
      take: 2,
    });
    const c = content(
      i,
      products.map((p) => p.id),
    );
    const { id } = await startAssistancePlan(client, bank, { parkId: park.id, content: c }, { now });
    let version = 1;
    const step = async (who: TActorSource, s: Omit<TPlanStepRequest, "planId" | "version">) => {
      version = (await takePlanStep(client, who, { planId: id, version, ...s }, { now })).version;
    };
    if (state === "draft") continue;
    await step(bank, { step: "submit", content: c });
    if (state === "submitted") continue;
    if (state === "returned") {
      await step(window, { step: "parkReturn", reason: "首贷户目标偏低，请结合园区新入驻企业名单调整。" });
      continue;
    }
    await step(window, { step: "parkApprove" });
    if (state === "parkApproved") continue;
    await step(admin, { step: "financeApprove" });
    if (state === "approved") continue;
    // A change after approval: version 2 in draft, version 1 stays in force.
    await step(bank, { step: "revise" });
    await step(bank, { step: "save", content: { ...c, borrowers: c.borrowers + 10, firstLoans: c.firstLoans + 5 } });
  }
}
