/**
 * The financing-monitoring questionnaire on the real database: the finance office writes a
 * draft nobody can answer, opens it (the targeted count is the park's approved enterprises
 * by an independent count), an enterprise of the target answers within the window once —
 * never outside it, never twice, never by an enterprise outside it (registration not approved) — its satisfaction answer counts
 * for its park's main bank in the ranking's figures and the per-bank table, the answer
 * cannot be changed afterwards (the table's triggers), and closing ends the answering.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PairingRole } from "@/lib/generated/prisma/enums";
import { answerQuestionnaire } from "@/lib/questionnaires/mutations/answer-questionnaire";
import { closeQuestionnaire } from "@/lib/questionnaires/mutations/close-questionnaire";
import { createQuestionnaire } from "@/lib/questionnaires/mutations/create-questionnaire";
import { openQuestionnaire } from "@/lib/questionnaires/mutations/open-questionnaire";
import { getQuestionnaire } from "@/lib/questionnaires/queries/get-questionnaire";
import { getQuestionnaireToAnswer } from "@/lib/questionnaires/queries/get-questionnaire-to-answer";
import { listOpenQuestionnaires } from "@/lib/questionnaires/queries/list-open-questionnaires";
import { listQuestionnaireResponses } from "@/lib/questionnaires/queries/list-questionnaire-responses";
import { readQuestionnaireExport } from "@/lib/questionnaires/queries/read-questionnaire-export";
import { ZAnswerQuestionnaire, ZCreateQuestionnaire } from "@/lib/questionnaires/schemas";
import { quarterWindow } from "@/lib/ranking/quarter-window";
import { queryQuestionnaireFigures } from "@/lib/ranking/queries/query-questionnaire-figures";
import { SEED_QUESTIONS } from "@/lib/seed/questionnaires";
import { appErrorOf, at, codeOf, createRequestWorld, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

// A year of its own: the questionnaire is filed under the latest program of its year.
const YEAR = 2091;
const IN_WINDOW = at(`${YEAR}-05-20T10:00:00`);

let prisma: PrismaClient;
let w: TRequestWorld;
let programId: string;
let questionnaireId: string;

const answers = (a: Record<string, unknown>) => ZAnswerQuestionnaire.parse({ questionnaireId, answers: JSON.stringify(a) });

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag(), { year: 2026 });
  programId = (await prisma.program.create({ data: { name: `问卷方案 ${w.tag}`, docNumber: "测试", year: YEAR }, select: { id: true } }))
    .id;
  await prisma.parkBankPairing.create({
    data: { programId, year: YEAR, parkId: w.parkId, bankOrgId: w.mainBankOrgId, role: PairingRole.MAIN },
  });
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("a questionnaire from draft to answers", () => {
  it("is written by the finance office only, as a draft nobody can answer", async () => {
    const input = ZCreateQuestionnaire.parse({
      title: `第一季度融资监测问卷 ${w.tag}`,
      year: String(YEAR),
      quarter: "1",
      target: "PARK",
      targetParkId: w.parkId,
      opensOn: `${YEAR}-05-10`,
      closesOn: `${YEAR}-05-31`,
      questions: JSON.stringify(SEED_QUESTIONS),
    });
    expect(await codeOf(createQuestionnaire(prisma, w.actors.mainBankLiaison, input))).toBe("forbidden");
    expect(await codeOf(createQuestionnaire(prisma, w.actors.centralBankStaff, input))).toBe("forbidden");
    ({ questionnaireId } = await createQuestionnaire(prisma, w.actors.financeAdmin, input));
    const row = await prisma.questionnaire.findUniqueOrThrow({ where: { id: questionnaireId }, select: { programId: true, status: true } });
    expect(row).toEqual({ programId, status: "DRAFT" });
    expect(await codeOf(answerQuestionnaire(prisma, w.actors.enterpriseOwner, answers({ q1: "是", q3: 5 }), { now: IN_WINDOW }))).toBe(
      "notFound",
    );
    expect(await getQuestionnaireToAnswer(prisma, w.actors.enterpriseOwner, questionnaireId, IN_WINDOW)).toBeNull();
  });

  it("is opened once, at the version the page showed, counting the park's approved enterprises", async () => {
    expect(await codeOf(openQuestionnaire(prisma, w.actors.financeAdmin, { questionnaireId, version: 7 }))).toBe("conflict");
    const { targeted } = await openQuestionnaire(prisma, w.actors.financeStaff, { questionnaireId, version: 0 });
    const [independent] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Enterprise" e JOIN "Organization" o ON o.id = e."orgId"
       WHERE e."parkId" = ${w.parkId}::uuid AND e."registrationStatus" = 'APPROVED' AND o.active`;
    expect(targeted).toBe(independent!.n);
    expect(targeted).toBeGreaterThan(0);
    expect(await codeOf(openQuestionnaire(prisma, w.actors.financeAdmin, { questionnaireId, version: 1 }))).toBe("invalidState");
  });

  it("is answered within its window only, by the target's enterprises, with answers that fit the questions", async () => {
    const valid = answers({ q1: "是", q2: ["利率偏高"], q3: 5, q4: "希望放款再快一些" });
    expect(await codeOf(answerQuestionnaire(prisma, w.actors.enterpriseOwner, valid, { now: at(`${YEAR}-05-09T23:00:00`) }))).toBe(
      "invalidState",
    );
    expect(await codeOf(answerQuestionnaire(prisma, w.actors.enterpriseOwner, valid, { now: at(`${YEAR}-06-01T00:30:00`) }))).toBe(
      "invalidState",
    );
    expect(await codeOf(answerQuestionnaire(prisma, w.actors.pendingEnterpriseOwner, valid, { now: IN_WINDOW }))).toBe("notFound");
    const refused = await appErrorOf(
      answerQuestionnaire(prisma, w.actors.enterpriseOwner, answers({ q2: ["别的"], q3: 9 }), { now: IN_WINDOW }),
    );
    expect(refused.fieldErrors).toEqual({ "answers.q1": "required", "answers.q2": "invalid", "answers.q3": "invalid" });

    const { responseId } = await answerQuestionnaire(prisma, w.actors.enterpriseOwner, valid, { now: IN_WINDOW });
    const stored = await prisma.questionnaireResponse.findUniqueOrThrow({ where: { id: responseId } });
    expect(stored).toMatchObject({ enterpriseId: w.enterpriseId, bankOrgId: w.mainBankOrgId, rated: 1, satisfied: 1 });
    expect(await codeOf(answerQuestionnaire(prisma, w.actors.enterpriseOwner, valid, { now: IN_WINDOW }))).toBe("alreadyAnswered");
    const audit = await prisma.auditLog.findFirst({ where: { action: "questionnaires.answer", targetId: questionnaireId } });
    expect(audit).not.toBeNull();
  });

  it("keeps an answer final: the database refuses to change or delete it", async () => {
    await expect(
      prisma.$executeRaw`UPDATE "QuestionnaireResponse" SET satisfied = 0 WHERE "questionnaireId" = ${questionnaireId}::uuid`,
    ).rejects.toThrow();
    await expect(
      prisma.$executeRaw`DELETE FROM "QuestionnaireResponse" WHERE "questionnaireId" = ${questionnaireId}::uuid`,
    ).rejects.toThrow();
  });

  it("shows the response rate, the bank's satisfaction and the responses to the offices, and feeds the quarter's ranking figures", async () => {
    const detail = (await getQuestionnaire(prisma, w.actors.centralBankStaff, questionnaireId))!;
    expect(detail.answered).toBe(1);
    expect(detail.banks).toEqual([
      expect.objectContaining({ bankOrgId: w.mainBankOrgId, responses: 1, rated: 1, satisfied: 1, percent: 100 }),
    ]);
    expect(await getQuestionnaire(prisma, w.actors.mainBankLiaison, questionnaireId)).toBeNull();
    const page = await listQuestionnaireResponses(prisma, w.actors.financeStaff, questionnaireId);
    expect(page.rows.map((r) => r.bankName)).toHaveLength(1);
    const file = (await readQuestionnaireExport(prisma, w.actors.financeAdmin, questionnaireId))!;
    expect(file.rows[0]!.answers).toEqual({ q1: "是", q2: ["利率偏高"], q3: 5, q4: "希望放款再快一些" });

    const figures = await queryQuestionnaireFigures(prisma, { programId, window: quarterWindow(YEAR, 1) });
    expect(figures).toEqual([{ bankOrgId: w.mainBankOrgId, rated: 1, satisfied: 1 }]);
    expect(await queryQuestionnaireFigures(prisma, { programId, window: quarterWindow(YEAR, 2) })).toEqual([]);
  });

  it("is offered on the enterprise's dashboard while open, then closed early by the finance office", async () => {
    const open = await listOpenQuestionnaires(prisma, w.actors.enterpriseOwner, IN_WINDOW);
    expect(open).toEqual([expect.objectContaining({ id: questionnaireId, answered: true })]);
    expect(await listOpenQuestionnaires(prisma, w.actors.pendingEnterpriseOwner, IN_WINDOW)).toEqual([]);
    await closeQuestionnaire(prisma, w.actors.financeAdmin, { questionnaireId, version: 1 });
    expect(await listOpenQuestionnaires(prisma, w.actors.enterpriseOwner, IN_WINDOW)).toEqual([]);
    expect(await codeOf(closeQuestionnaire(prisma, w.actors.financeAdmin, { questionnaireId, version: 2 }))).toBe("invalidState");
  });
});

describe("a questionnaire for a key-enterprise list", () => {
  it("is for the list's members only: not before the enterprise is on the list, and then it may answer", async () => {
    const list = await prisma.keyList.create({
      data: { programId, year: YEAR, name: `重点名单 ${w.tag}`, status: "ASSIGNED", createdById: w.actors.financeAdmin.userId },
      select: { id: true },
    });
    const input = (targetListId: string) =>
      ZCreateQuestionnaire.parse({
        title: `名单问卷 ${w.tag}`,
        year: String(YEAR),
        quarter: "2",
        target: "KEY_LIST",
        targetListId,
        opensOn: `${YEAR}-05-10`,
        closesOn: `${YEAR}-05-31`,
        questions: JSON.stringify(SEED_QUESTIONS),
      });
    expect(ZCreateQuestionnaire.safeParse({ ...input(list.id), targetListId: "" }).success).toBe(false);
    const unknown = await appErrorOf(createQuestionnaire(prisma, w.actors.financeAdmin, input("00000000-0000-4000-8000-000000000000")));
    expect(unknown?.fieldErrors).toEqual({ targetListId: "notFound" });
    const { questionnaireId: id } = await createQuestionnaire(prisma, w.actors.financeAdmin, input(list.id));
    expect((await openQuestionnaire(prisma, w.actors.financeAdmin, { questionnaireId: id, version: 0 })).targeted).toBe(0);
    const listAnswers = (a: Record<string, unknown>) => ZAnswerQuestionnaire.parse({ questionnaireId: id, answers: JSON.stringify(a) });
    const offered = async () => (await listOpenQuestionnaires(prisma, w.actors.enterpriseOwner, IN_WINDOW)).map((q) => q.id);

    expect(await offered()).not.toContain(id);
    expect(await getQuestionnaireToAnswer(prisma, w.actors.enterpriseOwner, id, IN_WINDOW)).toBeNull();
    expect(await codeOf(answerQuestionnaire(prisma, w.actors.enterpriseOwner, listAnswers({ q1: "是", q3: 4 }), { now: IN_WINDOW }))).toBe(
      "notFound",
    );

    const enterprise = await prisma.enterprise.findUniqueOrThrow({ where: { id: w.enterpriseId }, select: { uscc: true } });
    await prisma.keyListMember.create({ data: { listId: list.id, enterpriseId: w.enterpriseId, uscc: enterprise.uscc } });
    expect(await offered()).toContain(id);
    expect(await getQuestionnaireToAnswer(prisma, w.actors.enterpriseOwner, id, IN_WINDOW)).not.toBeNull();
    await answerQuestionnaire(prisma, w.actors.enterpriseOwner, listAnswers({ q1: "是", q3: 4 }), { now: IN_WINDOW });
    const detail = await getQuestionnaire(prisma, w.actors.financeAdmin, id);
    expect(detail?.targetListName).toBe(`${YEAR} 重点名单 ${w.tag}`);
    expect(detail?.answered).toBe(1);
  });
});
