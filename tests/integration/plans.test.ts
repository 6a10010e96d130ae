/**
 * Park assistance plans on PostgreSQL: the demo seed leaves a plan in every state; a main
 * bank drafts and submits, the park approves, the finance office approves and the park
 * dashboard reads the approved figures; a return carries its reason; a change after
 * approval is a new version while the approved one stays in force and frozen; the step
 * table refuses steps out of turn, other parties and stale versions; the history is
 * append-only.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PairingRole, Role } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { startAssistancePlan } from "@/lib/plans/mutations/start-assistance-plan";
import { takePlanStep } from "@/lib/plans/mutations/take-plan-step";
import { getAssistancePlan } from "@/lib/plans/queries/get-assistance-plan";
import { listAssistancePlans } from "@/lib/plans/queries/list-assistance-plans";
import { readPlanProgress } from "@/lib/plans/queries/read-plan-progress";
import { ZSavePlanInput, ZStartPlanInput, type TPlanContent } from "@/lib/plans/schemas";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { seedDemoPlans } from "@/prisma/seed/seed-demo-plans";
import { seedDemoAnnualRules } from "@/prisma/seed/seed-demo-annual-rules";
import { computeDraftAnnualRanking } from "@/lib/ranking/mutations/compute-draft-annual-ranking";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "./harness";
import { codeOf } from "@/tests/factories/requests";

const REFERENCE_DATE = "2026-11-27";
const now = new Date(`${REFERENCE_DATE}T12:00:00+08:00`);
let fresh: FreshDatabase;
let prisma: PrismaClient;

async function actor(where: { account?: string; orgId?: string; role?: Role }): Promise<TActorSource> {
  const u = await prisma.user.findFirstOrThrow({
    where,
    orderBy: { account: "asc" },
    select: { id: true, orgId: true, role: true, org: { select: { kind: true } } },
  });
  return { userId: u.id, orgId: u.orgId, role: u.role, orgKind: u.org.kind };
}

const content: TPlanContent = {
  objectives: "目标",
  amountFen: 12_345_000_000n,
  borrowers: 50,
  firstLoans: 10,
  creditLoans: 12,
  greenChannel: "三个工作日内答复",
  productIds: [],
  team: [{ name: "张三", role: "客户经理", phone: "13800000000" }],
};

beforeAll(async () => {
  fresh = await createFreshDatabase("plans");
  await migrate(fresh.url, { onLog: () => {} });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
  await seedDemoData(prisma, { referenceDate: REFERENCE_DATE });
  await seedDemoPlans(prisma, REFERENCE_DATE);
  await seedDemoAnnualRules(prisma, REFERENCE_DATE);
}, 600_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await fresh?.drop();
});

describe("park assistance plans", () => {
  it("the demo seed leaves a plan in every state, the first one approved with a second version in draft", async () => {
    const plans = await prisma.assistancePlan.findMany({ select: { status: true, approvedNumber: true, latestNumber: true } });
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(["DRAFT", "SUBMITTED", "PARK_APPROVED", "APPROVED", "RETURNED"]));
    expect(plans.some((p) => p.approvedNumber === 1 && p.latestNumber === 2 && p.status === "DRAFT")).toBe(true);
  });

  it("a main bank drafts and submits, the park and then the finance office approve; the park dashboard reads the approved figures", async () => {
    const parks = await prisma.park.findMany({ orderBy: { code: "asc" }, select: { id: true, orgId: true } });
    const park = parks[6]!;
    const program = await prisma.program.findFirstOrThrow({ where: { year: 2026, active: true }, select: { id: true } });
    const main = await prisma.parkBankPairing.findFirstOrThrow({
      where: { parkId: park.id, role: PairingRole.MAIN, programId: program.id },
    });
    const participating = await prisma.parkBankPairing.findFirstOrThrow({
      where: { parkId: park.id, role: PairingRole.PARTICIPATING, programId: program.id },
    });
    const bank = await actor({ orgId: main.bankOrgId, role: Role.BANK_MANAGER });
    const other = await actor({ orgId: participating.bankOrgId, role: Role.BANK_MANAGER });
    const window = await actor({ orgId: park.orgId, role: Role.PARK_STAFF });
    const otherWindow = await actor({ orgId: parks[1]!.orgId, role: Role.PARK_STAFF });
    const finance = await actor({ account: "finance.admin" });

    // Only the main bank starts the park's plan.
    expect(await codeOf(startAssistancePlan(prisma, other, { parkId: park.id, content }, { now }))).toBe("notPaired");
    const started = await startAssistancePlan(prisma, bank, { parkId: park.id, content }, { now });
    expect(await codeOf(startAssistancePlan(prisma, bank, { parkId: park.id, content }, { now }))).toBe("conflict");

    // Out of turn, another park, a stale version.
    expect(await codeOf(takePlanStep(prisma, window, { planId: started.id, version: 1, step: "parkApprove" }, { now }))).toBe(
      "invalidState",
    );
    const submitted = await takePlanStep(prisma, bank, { planId: started.id, version: 1, step: "submit", content }, { now });
    expect(submitted.status).toBe("SUBMITTED");
    expect(await codeOf(takePlanStep(prisma, otherWindow, { planId: started.id, version: 2, step: "parkApprove" }, { now }))).toBe(
      "notFound",
    );
    expect(await codeOf(takePlanStep(prisma, finance, { planId: started.id, version: 2, step: "financeApprove" }, { now }))).toBe(
      "invalidState",
    );
    expect(await codeOf(takePlanStep(prisma, window, { planId: started.id, version: 1, step: "parkApprove" }, { now }))).toBe("conflict");
    expect((await getAssistancePlan(prisma, window, started.id))!.steps).toEqual(["parkApprove", "parkReturn"]);
    expect((await getAssistancePlan(prisma, bank, started.id))!.steps).toEqual([]);

    await takePlanStep(prisma, window, { planId: started.id, version: 2, step: "parkApprove" }, { now });
    const queue = await listAssistancePlans(prisma, finance, null, { queue: true });
    expect(queue.rows.map((r) => r.id)).toContain(started.id);
    expect(queue.rows.every((r) => r.status === "PARK_APPROVED")).toBe(true);
    const approved = await takePlanStep(prisma, finance, { planId: started.id, version: 3, step: "financeApprove" }, { now });
    expect(approved.status).toBe("APPROVED");

    const progress = await readPlanProgress(prisma, { parkId: park.id, programId: program.id, year: 2026 });
    expect(progress?.target).toEqual({ amountFen: "12345000000", borrowers: 50, firstLoans: 10, creditLoans: 12 });
    const [expected] = await prisma.$queryRawUnsafe<Array<{ amountFen: string }>>(
      `SELECT coalesce(sum(f."loanIncrementFen"), 0)::text AS "amountFen" FROM "QuarterlyParkFigure" f
         JOIN "QuarterlySubmission" s ON s.id = f."submissionId"
        WHERE s."programId" = $1::uuid AND s.year = 2026 AND s.status = 'ACCEPTED' AND f."parkId" = $2::uuid`,
      program.id,
      park.id,
    );
    expect(progress?.actual.amountFen).toBe(expected!.amountFen);

    // A change after approval: version 2; version 1 stays in force and frozen.
    const revised = await takePlanStep(prisma, bank, { planId: started.id, version: 4, step: "revise" }, { now });
    expect(revised).toMatchObject({ number: 2, status: "DRAFT" });
    await takePlanStep(prisma, bank, { planId: started.id, version: 5, step: "save", content: { ...content, borrowers: 99 } }, { now });
    expect((await readPlanProgress(prisma, { parkId: park.id, programId: program.id, year: 2026 }))?.target.borrowers).toBe(50);
    await expect(
      prisma.assistancePlanVersion.updateMany({ where: { planId: started.id, number: 1 }, data: { borrowers: 1 } }),
    ).rejects.toThrow(/approved assistance plan version/);
    await expect(prisma.assistancePlanStep.deleteMany({ where: { planId: started.id } })).rejects.toThrow(/append-only/);
    const view = (await getAssistancePlan(prisma, finance, started.id))!;
    expect(view.versions.map((v) => [v.number, v.status, v.borrowers])).toEqual([
      [2, "DRAFT", 99],
      [1, "APPROVED", 50],
    ]);
    expect(view.history.map((h) => h.step)).toEqual(["save", "submit", "parkApprove", "financeApprove", "revise", "save"]);
    const audits = await prisma.auditLog.findMany({
      where: { targetType: "AssistancePlan", targetId: started.id },
      select: { action: true },
    });
    expect(audits.map((a) => a.action).sort()).toEqual(
      ["plans.start", "plans.submit", "plans.parkApprove", "plans.financeApprove", "plans.revise", "plans.save"].sort(),
    );
  });

  it("a return needs a reason, keeps it on the version, and the bank resubmits", async () => {
    const plan = await prisma.assistancePlan.findFirstOrThrow({
      where: { status: "PARK_APPROVED" },
      select: { id: true, version: true, bankOrgId: true },
    });
    const finance = await actor({ account: "finance.admin" });
    expect(() => ZSavePlanInput.parse({})).toThrow();
    const returned = await takePlanStep(
      prisma,
      finance,
      { planId: plan.id, version: plan.version, step: "financeReturn", reason: "请补充绿色通道承诺" },
      { now },
    );
    expect(returned.status).toBe("RETURNED");
    const bank = await actor({ orgId: plan.bankOrgId, role: Role.BANK_MANAGER });
    const view = (await getAssistancePlan(prisma, bank, plan.id))!;
    expect(view.versions[0]!.returnReason).toBe("请补充绿色通道承诺");
    expect(view.steps).toEqual(["save", "submit"]);
    const again = await takePlanStep(prisma, bank, { planId: plan.id, version: returned.version, step: "submit", content }, { now });
    expect(again.status).toBe("SUBMITTED");
  });

  it("parses the editor's fields: 万元 to fen, team rows, the household rule", () => {
    const parsed = ZStartPlanInput.parse({
      parkId: "x",
      objectives: "目标",
      amount: "1,234.5",
      borrowers: "10",
      firstLoans: "3",
      creditLoans: "4",
      greenChannel: "承诺",
      "teamName.0": "张三",
      "teamRole.0": "经理",
      "teamPhone.0": "0737-1234567",
    });
    expect(parsed.content.amountFen).toBe(1_234_500_000n);
    expect(parsed.content.team).toHaveLength(1);
    const bad = ZStartPlanInput.safeParse({
      parkId: "x",
      objectives: "目标",
      amount: "1",
      borrowers: "1",
      firstLoans: "2",
      creditLoans: "0",
      greenChannel: "承诺",
    });
    expect(bad.success).toBe(false);
    const codes = Object.fromEntries((bad.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(codes).toMatchObject({ firstLoans: "overBorrowers", "teamName.0": "teamRequired" });
  });

  it("the demo seeds an annual rule set, so the annual assessment computes instead of answering noRuleSet", async () => {
    const sets = await prisma.scoringRuleSet.findMany({ where: { period: "YEAR" }, select: { version: true, rules: true } });
    expect(sets).toHaveLength(1);
    const rules = sets[0]!.rules as Array<{ indicator: string }>;
    expect(rules.map((r) => r.indicator)).toEqual(
      expect.arrayContaining(["annualLoanIncrement", "annualLoanGrowth", "borrowersChange", "replyRate", "financingSatisfactionRate"]),
    );
    const program = await prisma.program.findFirstOrThrow({ where: { year: 2026, active: true }, select: { id: true } });
    const computed = await computeDraftAnnualRanking(
      prisma,
      actorOf(await actor({ account: "finance.admin" })),
      { programId: program.id, year: 2026 },
      { now: new Date("2027-01-20T02:00:00Z") },
    );
    expect(computed.ruleSetVersion).toBe(1);
  });
});
