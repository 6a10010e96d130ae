/**
 * The financing-monitoring questionnaires of the demo, one in every state: the previous
 * quarter's closed (answered by a third of the enterprises), the quarter just ended's open
 * (window around the reference date, answered by a fifth, not by the demo enterprise,
 * whose dashboard offers it), and the current quarter's draft. Answers are derived from
 * the enterprise's index, never drawn: adding them changes no other seeded row. The
 * targeted counts are set after the enterprises are in (countSeededQuestionnaireTargets).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { STANDARD_QUESTIONS } from "@/lib/questionnaires/standard-questions";
import { Rng } from "./random";
import { addDays, dateOnly, previousQuarter, quarterOf, shanghaiInstant } from "./time";
import type { TSeedContext, TSeedRows } from "./types";

export const COUNT_SEEDED_QUESTIONNAIRE_TARGETS_SQL = `UPDATE "Questionnaire" q SET "targetedCount" = (
  SELECT count(*)::int FROM "Enterprise" e JOIN "Organization" o ON o.id = e."orgId"
   WHERE e."registrationStatus" = 'APPROVED' AND o.active) WHERE q.status <> 'DRAFT' AND q.target = 'ALL'`;

export async function countSeededQuestionnaireTargets(db: Pick<Prisma.TransactionClient, "$executeRawUnsafe">): Promise<number> {
  return db.$executeRawUnsafe(COUNT_SEEDED_QUESTIONNAIRE_TARGETS_SQL);
}

/** The demo's questionnaires ask the program's standard quarterly survey. */
export const SEED_QUESTIONS = STANDARD_QUESTIONS;

export type TSeedQuestionnaires = { closedId: string; closedAnswersFrom: string; openId: string; openAnswersFrom: string };

const QUARTER_WORDS = ["一", "二", "三", "四"] as const;

/** Adds the three questionnaires to the base rows; returns what the enterprise chunks need to answer them. */
export function buildQuestionnaires(ctx: TSeedContext, rows: TSeedRows): TSeedQuestionnaires {
  const rng = new Rng(ctx.options.seed, "questionnaires");
  const current = quarterOf(ctx.referenceDay);
  const ended = previousQuarter(current);
  const before = previousQuarter(ended);
  const row = (id: string, q: { year: number; quarter: number }, status: "DRAFT" | "OPEN" | "CLOSED", opens: string, closes: string) => {
    const created = new Date(shanghaiInstant(addDays(opens, -3), 10));
    rows.questionnaire.push({
      id,
      programId: ctx.programId,
      year: q.year,
      quarter: q.quarter,
      title: `${q.year}年第${QUARTER_WORDS[q.quarter - 1]}季度中小微企业融资监测问卷`,
      intro: "请如实填写本季度融资情况，答卷仅用于跟踪各项措施成效、分析政策实施效果。提交后不能修改。",
      questions: SEED_QUESTIONS as unknown as Prisma.InputJsonValue,
      target: "ALL",
      targetParkId: null,
      targetTag: null,
      opensOn: dateOnly(opens),
      closesOn: dateOnly(closes),
      status,
      targetedCount: 0,
      createdById: ctx.financeAdminUserId,
      createdAt: created,
      openedAt: status === "DRAFT" ? null : new Date(shanghaiInstant(opens, 9)),
      closedAt: status === "CLOSED" ? new Date(shanghaiInstant(closes, 18)) : null,
      version: status === "DRAFT" ? 0 : status === "OPEN" ? 1 : 2,
    });
  };
  const closedId = rng.uuid();
  const openId = rng.uuid();
  const closedOpens = addDays(ctx.referenceDay, -100);
  const openOpens = addDays(ctx.referenceDay, -5);
  row(closedId, before, "CLOSED", closedOpens, addDays(closedOpens, 30));
  row(openId, ended, "OPEN", openOpens, addDays(ctx.referenceDay, 25));
  row(rng.uuid(), current, "DRAFT", addDays(ctx.referenceDay, 30), addDays(ctx.referenceDay, 60));
  return { closedId, closedAnswersFrom: closedOpens, openId, openAnswersFrom: openOpens };
}

/**
 * Enterprise i's responses: every third answers the closed questionnaire, every fifth the
 * open one (never the demo enterprise, i = 0), counted for its park's main bank.
 */
export function buildQuestionnaireResponses(
  ctx: TSeedContext,
  i: number,
  enterprise: { id: string; ownerUserId: string; bankOrgId: string; approved: boolean },
  rows: TSeedRows,
): void {
  const seeded = ctx.questionnaires;
  if (!seeded || !enterprise.approved || i === 0) return;
  const rng = new Rng(ctx.options.seed, "questionnaire-response", i);
  const answer = (questionnaireId: string, from: string, k: number) => {
    const score = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4][(i + k) % 10]!;
    const at = shanghaiInstant(addDays(from, i % 4), 9 + (i % 8), (i * 7) % 60);
    if (at >= ctx.nowMs) return;
    rows.questionnaireResponse.push({
      id: rng.uuid(),
      questionnaireId,
      enterpriseId: enterprise.id,
      bankOrgId: enterprise.bankOrgId,
      answers: { q1: i % 2 === 0 ? "是" : "否", q2: i % 3 === 0 ? ["担保抵押不足"] : ["利率偏高", "审批时间长"], q3: score },
      rated: 1,
      satisfied: score >= 4 ? 1 : 0,
      submittedById: enterprise.ownerUserId,
      submittedAt: new Date(at),
    });
  };
  if (i % 3 === 1) answer(seeded.closedId, seeded.closedAnswersFrom, 0);
  if (i % 5 === 2) answer(seeded.openId, seeded.openAnswersFrom, 3);
}
