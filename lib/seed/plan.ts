/**
 * What happens to a request, decided before it is played forward (./requests.ts): how
 * fast the bank signs and answers, what it answers, whether the park returns it, whether
 * the enterprise withdraws, rates or stays silent.
 */

import { AnswerKind, Rating, RequestType, SupportClass, type EnterpriseSize, type RequestStatus } from "@/lib/generated/prisma/enums";
import type { Rng } from "./random";
import { DAY_MS } from "./time";
import type { TSeedContext } from "./types";

export interface TEnterpriseRef {
  id: string;
  orgId: string;
  parkIndex: number;
  ownerUserId: string;
  size: EnterpriseSize;
  supportClass: SupportClass | null;
  divisionName: string;
  /** Requests cannot start before the registration was approved. */
  approvedMs: number;
}

type TWithdrawPoint = "SUBMITTED" | "RETURNED" | "FORWARDED" | "SIGNED" | "ANSWERED";

export interface TRequestPlan {
  type: RequestType;
  createdMs: number;
  draftOnly: boolean;
  /** The park returns it once for more documents. */
  returned: boolean;
  /** Stays returned (never resubmitted). */
  staysReturned: boolean;
  withdrawAt: TWithdrawPoint | null;
  /** Working days from forwarding to signing / answering; null = never on its own. */
  signDays: number | null;
  answerDays: number | null;
  afterEscalation: "answer" | "closeOut" | "wait";
  answerKind: AnswerKind;
  afterAnswer: "rate" | "noRate" | "parkEscalates";
  rating: Rating;
  /** Stop as soon as this status is reached (demo requests). */
  stopAt: RequestStatus | null;
}

const ANSWER_DAYS: ReadonlyArray<readonly [number, number]> = [
  [0, 10],
  [1, 24],
  [2, 24],
  [3, 18],
  [4, 10],
  [5, 6],
  [6, 3],
  [7, 2],
  [9, 2],
  [12, 1],
];

function answerKindFor(rng: Rng, type: RequestType, cls: SupportClass | null): AnswerKind {
  if (type === RequestType.FINANCING) {
    const grantedWeight = cls === SupportClass.A ? 45 : cls === SupportClass.B ? 30 : 22;
    return rng.weighted([
      [AnswerKind.GRANTED, grantedWeight],
      [AnswerKind.CAN_DO, 28],
      [AnswerKind.NEEDS_DOCUMENTS, 18],
      [AnswerKind.CANNOT_DO, 14],
    ]);
  }
  if (type === RequestType.CONSULTATION)
    return rng.weighted([
      [AnswerKind.CAN_DO, 70],
      [AnswerKind.NEEDS_DOCUMENTS, 20],
      [AnswerKind.CANNOT_DO, 10],
    ]);
  return rng.weighted([
    [AnswerKind.CAN_DO, 50],
    [AnswerKind.NEEDS_DOCUMENTS, 20],
    [AnswerKind.CANNOT_DO, 30],
  ]);
}

function ratingFor(rng: Rng, kind: AnswerKind): Rating {
  const w: Record<AnswerKind, [number, number, number]> = {
    GRANTED: [80, 17, 3],
    CAN_DO: [60, 30, 10],
    NEEDS_DOCUMENTS: [40, 42, 18],
    CANNOT_DO: [15, 45, 40],
  };
  const [s, b, d] = w[kind];
  return rng.weighted([
    [Rating.SATISFIED, s],
    [Rating.BASICALLY_SATISFIED, b],
    [Rating.DISSATISFIED, d],
  ]);
}

/** Decisions for an ordinary request; `slowness` is the answering bank's. */
export function drawPlan(rng: Rng, ctx: TSeedContext, ent: TEnterpriseRef, slowness: number): TRequestPlan {
  const type = rng.weighted([
    [RequestType.FINANCING, 75],
    [RequestType.CONSULTATION, 15],
    [RequestType.DIFFICULTY, 10],
  ]);
  const windowStartMs = Math.max(Date.parse(`${ctx.windowStartDay}T00:00:00+08:00`), ent.approvedMs + DAY_MS);
  // Slightly more requests lately (the program grows), and a batch in the last two weeks
  // so that every queue has live items; whole seconds.
  const span = Math.max(DAY_MS, ctx.nowMs - windowStartMs - 3_600_000);
  const recent = Math.min(span, 14 * DAY_MS);
  const offset = rng.chance(0.12) ? span - recent + rng.next() * recent : rng.next() ** 0.8 * span;
  const createdMs = Math.floor((windowStartMs + offset) / 1000) * 1000;
  const never = rng.chance(0.025 * slowness);
  let answerDays: number | null = never ? null : rng.weighted(ANSWER_DAYS);
  if (answerDays !== null && slowness > 1 && rng.chance((slowness - 1) * 0.5)) answerDays += rng.int(2, 5);
  if (answerDays !== null && slowness < 1 && answerDays > 2 && rng.chance(1 - slowness)) answerDays = rng.int(0, 2);
  const signDays =
    answerDays === null
      ? rng.chance(0.5)
        ? rng.int(0, 2)
        : null
      : Math.min(
          answerDays,
          rng.weighted([
            [0, 55],
            [1, 35],
            [2, 10],
          ]),
        );
  const answerKind = answerKindFor(rng, type, ent.supportClass);
  const withdrawAt = rng.weighted<TWithdrawPoint | null>([
    [null, 94],
    ["SUBMITTED", 1.5],
    ["RETURNED", 1],
    ["FORWARDED", 1.5],
    ["SIGNED", 1],
    ["ANSWERED", 1],
  ]);
  return {
    type,
    createdMs,
    draftOnly: rng.chance(0.035),
    returned: rng.chance(0.1),
    staysReturned: rng.chance(0.12),
    withdrawAt,
    signDays,
    answerDays,
    afterEscalation: rng.weighted([
      ["answer", 65],
      ["closeOut", 22],
      ["wait", 13],
    ] as const),
    answerKind,
    afterAnswer: answerKind === AnswerKind.CANNOT_DO && rng.chance(0.35) ? "parkEscalates" : rng.chance(0.74) ? "rate" : "noRate",
    rating: ratingFor(rng, answerKind),
    stopAt: null,
  };
}
