/**
 * A summons opened from a finalised half-year evaluation on PostgreSQL (demo seed: the
 * first half year finalised with banks that must rectify, the second still open): the
 * finance office opens one for a bank that must rectify, with source HALF_YEAR_EVALUATION,
 * the evaluation in sourceRef and its grade and comments frozen on the record; a second one
 * for the same bank, a bank that need not rectify, an open evaluation and a bank's user are
 * refused; the summoned bank then files its plan as after a bulletin.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { openEvaluationSummons } from "@/lib/summons/mutations/open-evaluation-summons";
import { fileSummonsPlan } from "@/lib/summons/mutations/summons-steps";
import { getEvaluationSummonsPrefill } from "@/lib/summons/queries/get-evaluation-summons-prefill";
import { ZOpenEvaluationSummonsInput } from "@/lib/summons/schemas";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "./harness";
import { codeOf } from "@/tests/factories/requests";

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

const meeting = {
  heldOn: "2026-11-20",
  attendees: "市金融办、人民银行、被约谈行行长",
  issues: "半年评估综合得分偏低",
  measures: [{ text: "制定整改方案", deadline: "2026-12-31" }],
};

beforeAll(async () => {
  fresh = await createFreshDatabase("summons_evaluation");
  await migrate(fresh.url, { onLog: () => {} });
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
  await seedDemoData(prisma, { referenceDate: "2026-11-27" });
}, 600_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await fresh?.drop();
});

describe("a summons after a half-year evaluation", () => {
  it("opens for a bank that must rectify, pre-filled with the evaluation's grade and comments, once", async () => {
    const evaluation = await prisma.halfYearEvaluation.findFirstOrThrow({
      where: { status: "FINALISED" },
      select: { id: true, year: true },
    });
    const rectify = await prisma.halfYearEvaluationBank.findFirstOrThrow({
      where: { evaluationId: evaluation.id, mustRectify: true },
      orderBy: { bankOrgId: "asc" },
    });
    const fine = await prisma.halfYearEvaluationBank.findFirstOrThrow({ where: { evaluationId: evaluation.id, mustRectify: false } });
    const open = await prisma.halfYearEvaluation.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true } });
    const openRow = await prisma.halfYearEvaluationBank.findFirstOrThrow({ where: { evaluationId: open.id } });
    const finance = await actor({ account: "finance.admin" });
    const bank = await actor({ orgId: rectify.bankOrgId, role: Role.BANK_MANAGER });

    const prefill = await getEvaluationSummonsPrefill(prisma, evaluation.id, rectify.bankOrgId);
    expect(prefill?.bank.grade).toBe(rectify.grade);
    expect(prefill?.summonsId).toBeNull();

    const input = { evaluationId: evaluation.id, bankOrgId: rectify.bankOrgId, ...meeting };
    expect(await codeOf(openEvaluationSummons(prisma, bank, input))).toBe("forbidden");
    expect(await codeOf(openEvaluationSummons(prisma, finance, { ...input, bankOrgId: fine.bankOrgId }))).toBe("invalidState");
    expect(await codeOf(openEvaluationSummons(prisma, finance, { ...input, evaluationId: open.id, bankOrgId: openRow.bankOrgId }))).toBe(
      "invalidState",
    );

    const opened = await openEvaluationSummons(prisma, finance, input);
    const s = await prisma.summons.findUniqueOrThrow({ where: { id: opened.id } });
    expect(s).toMatchObject({
      source: "HALF_YEAR_EVALUATION",
      sourceRef: evaluation.id,
      rankingId: null,
      quarter: null,
      year: evaluation.year,
    });
    expect((s.prefill as { evaluation: { grade: string | null; financeComment: string | null } }).evaluation).toMatchObject({
      grade: rectify.grade,
      financeComment: rectify.financeComment,
    });
    expect(await prisma.auditLog.count({ where: { action: "summons.openFromEvaluation", targetId: opened.id } })).toBe(1);
    expect(await codeOf(openEvaluationSummons(prisma, finance, input))).toBe("conflict");
    expect((await getEvaluationSummonsPrefill(prisma, evaluation.id, rectify.bankOrgId))?.summonsId).toBe(opened.id);

    // From here on it is an ordinary summons: the bank files its plan.
    const filed = await fileSummonsPlan(prisma, bank, { summonsId: opened.id, version: 1, text: "整改方案" });
    expect(filed.status).toBe("PLAN_SUBMITTED");
  });

  it("parses the form like a bulletin's summons, with the evaluation instead of the ranking", () => {
    const parsed = ZOpenEvaluationSummonsInput.parse({
      evaluationId: "e",
      bankOrgId: "b",
      heldOn: "2026-11-20",
      attendees: "a",
      issues: "i",
      "measureText.0": "m",
      "measureDeadline.0": "2026-12-01",
    });
    expect(parsed).toEqual({
      evaluationId: "e",
      bankOrgId: "b",
      heldOn: "2026-11-20",
      attendees: "a",
      issues: "i",
      measures: [{ text: "m", deadline: "2026-12-01" }],
    });
    expect(
      ZOpenEvaluationSummonsInput.safeParse({ evaluationId: "e", bankOrgId: "b", heldOn: "2026-11-20", attendees: "a", issues: "i" })
        .success,
    ).toBe(false);
  });
});
