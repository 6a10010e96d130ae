/**
 * The demo enterprise (account enterprise.owner, park no. 1): one request in every status
 * and close reason — plus an overdue one — all routed to the demo bank liaison's
 * sub-branch, and a few notifications for the demo accounts.
 */

import { AnswerKind, CloseReason, Rating, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { drawPlan, type TEnterpriseRef, type TRequestPlan } from "./plan";
import { Rng } from "./random";
import { simulateRequest, type TSimulatedRequest } from "./requests";
import { DAY_MS, addDays, shanghaiInstant } from "./time";
import type { TSeedContext, TSeedRows } from "./types";

export const DEMO_ENTERPRISE_NAME = "云溪华锐智能装备有限公司";

interface TDemoSpec {
  status: RequestStatus;
  closeReason?: CloseReason;
  /** When set, whether the deadline must have passed by the reference date. */
  overdue?: boolean;
  type: RequestType;
  daysBack: number;
  /** Days further back on each retry. */
  step?: number;
  plan: Partial<TRequestPlan>;
}

const DEMO_SPECS: readonly TDemoSpec[] = [
  {
    status: RequestStatus.CLOSED,
    closeReason: CloseReason.CLOSED_OUT,
    type: RequestType.DIFFICULTY,
    daysBack: 75,
    plan: { signDays: 1, answerDays: null, afterEscalation: "closeOut" },
  },
  {
    status: RequestStatus.CLOSED,
    closeReason: CloseReason.NOT_RATED,
    type: RequestType.CONSULTATION,
    daysBack: 62,
    plan: { answerDays: 1, signDays: 0, answerKind: AnswerKind.CAN_DO, afterAnswer: "noRate" },
  },
  {
    status: RequestStatus.CLOSED,
    closeReason: CloseReason.RATED,
    type: RequestType.FINANCING,
    daysBack: 48,
    plan: { answerDays: 3, signDays: 0, answerKind: AnswerKind.GRANTED, afterAnswer: "rate", rating: Rating.SATISFIED },
  },
  {
    status: RequestStatus.WITHDRAWN,
    type: RequestType.FINANCING,
    daysBack: 30,
    plan: { signDays: 1, answerDays: 4, withdrawAt: "SIGNED" },
  },
  {
    status: RequestStatus.ESCALATED,
    type: RequestType.FINANCING,
    daysBack: 21,
    plan: { signDays: 0, answerDays: null, afterEscalation: "wait" },
  },
  {
    status: RequestStatus.ANSWERED,
    type: RequestType.FINANCING,
    daysBack: 8,
    plan: { signDays: 0, answerDays: 2, answerKind: AnswerKind.NEEDS_DOCUMENTS, stopAt: RequestStatus.ANSWERED },
  },
  { status: RequestStatus.RETURNED, type: RequestType.FINANCING, daysBack: 5, plan: { returned: true, staysReturned: true } },
  {
    status: RequestStatus.SIGNED,
    overdue: false,
    type: RequestType.FINANCING,
    daysBack: 4,
    plan: { signDays: 0, answerDays: 4, stopAt: RequestStatus.SIGNED },
  },
  // Signed, past its deadline, not yet escalated: the liaison's most urgent item.
  {
    status: RequestStatus.SIGNED,
    overdue: true,
    type: RequestType.FINANCING,
    daysBack: 8,
    step: 1,
    plan: { signDays: 1, answerDays: null, afterEscalation: "wait" },
  },
  {
    status: RequestStatus.FORWARDED,
    overdue: false,
    type: RequestType.CONSULTATION,
    daysBack: 2,
    plan: { signDays: 1, answerDays: 2, stopAt: RequestStatus.FORWARDED },
  },
  { status: RequestStatus.SUBMITTED, type: RequestType.FINANCING, daysBack: 1, plan: { stopAt: RequestStatus.SUBMITTED } },
  { status: RequestStatus.DRAFT, type: RequestType.FINANCING, daysBack: 1, plan: { draftOnly: true } },
  // Last, so the specs above keep their random draws (each is drawn by its index).
  {
    status: RequestStatus.CLOSED,
    closeReason: CloseReason.DOCUMENTS_NOT_SUPPLIED,
    type: RequestType.FINANCING,
    daysBack: 55,
    plan: { answerDays: 2, signDays: 0, answerKind: AnswerKind.NEEDS_DOCUMENTS, afterAnswer: "noRate" },
  },
];

/** The demo enterprise's requests: one per status, retried further back until each lands. */
export function demoRequests(ctx: TSeedContext, ent: TEnterpriseRef, slowness: number): TSimulatedRequest[] {
  const out: TSimulatedRequest[] = [];
  DEMO_SPECS.forEach((spec, k) => {
    for (let attempt = 0; attempt < 30; attempt++) {
      const rng = new Rng(ctx.options.seed, "demo-request", k, attempt);
      const base = drawPlan(rng, ctx, ent, slowness);
      const day = addDays(ctx.referenceDay, -(spec.daysBack + (spec.step ?? 3) * attempt));
      const plan: TRequestPlan = {
        ...base,
        type: spec.type,
        createdMs: shanghaiInstant(day, 9, rng.int(0, 59)),
        draftOnly: false,
        returned: false,
        staysReturned: false,
        withdrawAt: null,
        afterAnswer: "rate",
        stopAt: null,
        ...spec.plan,
      };
      const sim = simulateRequest(rng, ctx, ent, plan, "");
      const overdue = sim.request.dueAt instanceof Date && sim.request.dueAt.getTime() < ctx.nowMs;
      if (
        sim.request.status === spec.status &&
        (spec.closeReason ?? null) === (sim.request.closeReason ?? null) &&
        (spec.overdue === undefined || spec.overdue === overdue)
      ) {
        out.push(sim);
        return;
      }
    }
    throw new Error(`demo seed: could not place a ${spec.status} request before ${ctx.referenceDay}`);
  });
  return out;
}

export function demoNotifications(ctx: TSeedContext, rng: Rng, ownerUserId: string, sims: TSimulatedRequest[], rows: TSeedRows): void {
  const byStatus = (s: RequestStatus) => sims.find((x) => x.request.status === s)!.request;
  const at = (d: Date | string | null | undefined) => (d instanceof Date ? d : new Date(ctx.nowMs - DAY_MS));
  const forwarded = byStatus(RequestStatus.FORWARDED);
  const submitted = byStatus(RequestStatus.SUBMITTED);
  const answered = byStatus(RequestStatus.ANSWERED);
  const returned = byStatus(RequestStatus.RETURNED);
  const escalated = byStatus(RequestStatus.ESCALATED);
  const liaison = ctx.banks[0]!.subBranches[0]!;
  const list = [
    // Kinds and params as lib/notifications/mutations/notify.ts writes them, so the centre
    // shows them in the reader's language; links to the one request page.
    {
      userId: liaison.liaisonUserId,
      orgId: liaison.orgId,
      kind: "request.new",
      requestId: forwarded.id,
      params: { serial: forwarded.serial, title: forwarded.title, dueAt: at(forwarded.dueAt).toISOString() },
      title: `新事项待签收：${forwarded.serial}`,
      body: forwarded.title,
      link: `/requests/${forwarded.id}`,
      createdAt: at(forwarded.forwardedAt),
      readAt: null,
    },
    {
      userId: ctx.parks[0]!.staffUserId,
      orgId: ctx.parks[0]!.orgId,
      kind: "REQUEST_SUBMITTED",
      requestId: submitted.id,
      params: {},
      title: `企业提交了新的需求，请审核：${submitted.serial}`,
      body: submitted.title,
      link: `/requests/${submitted.id}`,
      createdAt: at(submitted.submittedAt),
      readAt: null,
    },
    {
      userId: ownerUserId,
      orgId: null,
      kind: "request.answered",
      requestId: answered.id,
      params: { serial: answered.serial, title: answered.title },
      title: `银行已答复：${answered.serial}`,
      body: `「${answered.title}」已有答复，请查看并评价。`,
      link: `/requests/${answered.id}`,
      createdAt: at(answered.answeredAt),
      readAt: null,
    },
    {
      userId: ownerUserId,
      orgId: null,
      kind: "request.returned",
      requestId: returned.id,
      params: { serial: returned.serial, title: returned.title, reason: returned.returnReason ?? "" },
      title: `诉求被退回补充：${returned.serial}`,
      body: `园区退回了「${returned.title}」，原因：${returned.returnReason ?? ""}`,
      link: `/requests/${returned.id}`,
      createdAt: at(returned.updatedAt),
      readAt: new Date(ctx.nowMs - 3_600_000),
    },
    {
      userId: ctx.financeAdminUserId,
      orgId: ctx.financeOrgId,
      kind: "request.escalated",
      requestId: escalated.id,
      params: { serial: escalated.serial, title: escalated.title, reason: "OVERDUE" },
      title: `事项进入督办：${escalated.serial}`,
      body: `「${escalated.title}」已进入督办（逾期未答复）。`,
      link: `/requests/${escalated.id}`,
      createdAt: at(escalated.escalatedAt),
      readAt: null,
    },
    {
      userId: null,
      orgId: ctx.pbcOrgId,
      kind: "QUARTERLY_SUBMISSIONS",
      requestId: null,
      params: {},
      title: "上季度解决台账报送情况",
      body: "部分银行机构尚未报送或逾期报送上季度解决台账，请关注。",
      link: "/pbc",
      createdAt: new Date(ctx.nowMs - 2 * DAY_MS),
      readAt: null,
    },
  ];
  for (const n of list) rows.notification.push({ id: rng.uuid(), ...n });
}
