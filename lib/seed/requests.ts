/**
 * One financing request played forward in time: decisions are drawn first (a plan), then
 * events are laid out on Chinese working days and kept while they are before the
 * reference instant. The row's status, timestamps, routes, loan and hash-chained ledger
 * all come from the same list of events, so they cannot disagree.
 */

import { addWorkingDays } from "@/lib/calendar/working-days";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  AnswerKind,
  CloseReason,
  EscalationReason,
  LedgerAction,
  Rating,
  RequestStatus,
  RequestType,
  RouteRole,
  type EnterpriseSize,
} from "@/lib/generated/prisma/enums";
import { chainEntries, type TLedgerHashInput } from "@/lib/ledger/hash";
import { DEADLINE_SCAN_SLOT_MS, deadlineScanSlot } from "@/lib/jobs/rules";
import { bulletinDueAt, bulletinEntryContent } from "@/lib/requests/bulletin-rule";
import { parkReviewClock } from "@/lib/requests/park-review-deadline";
import { afterWorkingDays, isProvisionalDue, nightlyAfter } from "./clock";
import type { TEnterpriseRef, TRequestPlan } from "./plan";
import type { Rng } from "./random";
import { CLOSE_OUT_RESOLUTIONS, RATING_COMMENTS, RETURN_REASONS, answerOpinion, requestText } from "./texts";
import { addDays, addMonths, dateOnly, shanghaiDay } from "./time";
import type { TSeedContext } from "./types";

export interface TSimulatedRequest {
  request: Prisma.RequestCreateManyInput;
  routes: Prisma.RequestRouteCreateManyInput[];
  ledger: Prisma.LedgerEntryCreateManyInput[];
  loan: Prisma.LoanOutcomeCreateManyInput | null;
}

const AMOUNT_WAN: Record<EnterpriseSize, readonly [number, number]> = {
  LARGE: [1000, 10000],
  MEDIUM: [300, 5000],
  SMALL: [50, 1000],
  MICRO: [10, 300],
};

type TEvent = TLedgerHashInput;

/** Plays the plan forward; `serial` is the display number (RQ2026-000001). */
export function simulateRequest(rng: Rng, ctx: TSeedContext, ent: TEnterpriseRef, plan: TRequestPlan, serial: string): TSimulatedRequest {
  const id = rng.uuid();
  const park = ctx.parks[ent.parkIndex]!;
  const mainBank = ctx.banks[park.mainBank]!;
  const servicing = (b: number) => {
    const bank = ctx.banks[b]!;
    return bank.subBranches[park.index % bank.subBranches.length]!;
  };
  const primary = servicing(park.mainBank);

  // ── the request's own facts ──
  const [minWan, maxWan] = AMOUNT_WAN[ent.size];
  const rawWan = minWan * Math.pow(maxWan / minWan, rng.next());
  const amountWan = rawWan >= 100 ? Math.round(rawWan / 50) * 50 : Math.max(10, Math.round(rawWan / 10) * 10);
  const termMonths = rng.weighted([
    [6, 15],
    [12, 50],
    [24, 20],
    [36, 15],
  ]);
  const neededByDay = addDays(shanghaiDay(plan.createdMs), rng.int(15, 75));
  const text = requestText(rng, plan.type, ent.divisionName, amountWan, termMonths, neededByDay);
  const isFinancing = plan.type === RequestType.FINANCING;
  const copies = isFinancing || rng.chance(0.3) ? park.participating.map(servicing) : [];
  const preferredProducts = isFinancing && rng.chance(0.6) ? [rng.pick(mainBank.products).kind] : [];

  // ── events ──
  const events: TEvent[] = [];
  let status: RequestStatus = RequestStatus.DRAFT;
  let stopped = false;
  const entActor = { actorUserId: ent.ownerUserId, actorOrgId: ent.orgId };
  const parkActor = { actorUserId: park.staffUserId, actorOrgId: park.orgId };
  const bankActor = { actorUserId: primary.liaisonUserId, actorOrgId: primary.orgId };
  const system = { actorUserId: null, actorOrgId: null };

  const emit = (
    action: LedgerAction,
    t: number,
    actor: { actorUserId: string | null; actorOrgId: string | null },
    to: RequestStatus | null,
    content: Record<string, unknown> = {},
    note: string | null = null,
  ): boolean => {
    if (stopped) return false;
    if (t >= ctx.nowMs) {
      stopped = true;
      return false;
    }
    const from = status;
    events.push({
      requestId: id,
      seq: events.length + 1,
      action,
      ...actor,
      fromStatus: from,
      toStatus: to ?? from,
      content,
      note,
      occurredAt: new Date(t),
    });
    if (to) status = to;
    if (plan.stopAt && to && to !== from && status === plan.stopAt) stopped = true;
    return true;
  };
  const last = () => events[events.length - 1]!.occurredAt.getTime();
  const wd = (t: number, k: number) => afterWorkingDays(rng, ctx.calendar, t, k);

  let submittedAt: number | null = null;
  let forwardedAt: number | null = null;
  let dueAt: Date | null = null;
  let signedAt: number | null = null;
  let answeredAt: number | null = null;
  let escalatedAt: number | null = null;
  let remindedAt: number | null = null;
  let closedAt: number | null = null;
  let closeReason: CloseReason | null = null;
  let rating: Rating | null = null;
  let ratingComment: string | null = null;
  let withdrawnAfterAnswer = false;
  let loan: Prisma.LoanOutcomeCreateManyInput | null = null;
  let answerKind: AnswerKind | null = null;
  let answerContent: Record<string, unknown> | null = null;
  let escalationReason: EscalationReason | null = null;
  let returnReason: string | null = null;

  const withdraw = (t: number, afterAnswer: boolean) => {
    if (
      emit(LedgerAction.WITHDRAW, t, entActor, RequestStatus.WITHDRAWN, {
        reason: afterAnswer ? "已通过其他渠道解决" : "企业资金需求发生变化",
        afterAnswer,
      })
    ) {
      withdrawnAfterAnswer = afterAnswer;
    }
  };

  const answer = (t: number) => {
    // Only a financing request can end in a loan.
    const kind = plan.answerKind === AnswerKind.GRANTED && !isFinancing ? AnswerKind.CAN_DO : plan.answerKind;
    const product = rng.pick(mainBank.products);
    let grantedWan: number | null = null;
    const content: Record<string, unknown> = { answerKind: kind, bankOrgId: primary.orgId, onTime: dueAt !== null && t <= dueAt.getTime() };
    if (kind === AnswerKind.GRANTED) {
      grantedWan = Math.max(10, Math.round((amountWan * rng.float(0.6, 1)) / 10) * 10);
      const rateBp = Math.round(300 + rng.float(-20, 150)); // 1-year LPR 3.00% + spread
      const annualRate = (rateBp / 100).toFixed(4);
      const guarantee = text.collateral ?? "信用";
      const grantedDay = shanghaiDay(t);
      const disbursedDay = addDays(grantedDay, rng.int(0, 6));
      const disbursed = Date.parse(`${disbursedDay}T10:00:00+08:00`) < ctx.nowMs ? disbursedDay : null;
      const isCreditLoan = guarantee.startsWith("信用");
      const isFirstLoan = rng.chance(0.15);
      content.loan = {
        amountFen: String(grantedWan * 1_000_000),
        annualRate,
        termMonths,
        product: product.name,
        guarantee,
        isFirstLoan,
        isCreditLoan,
      };
      loan = {
        id: rng.uuid(),
        requestId: id,
        bankOrgId: primary.orgId,
        enterpriseId: ent.id,
        amountFen: BigInt(grantedWan) * 1_000_000n,
        annualRate,
        termMonths,
        product: product.name,
        guarantee,
        isFirstLoan,
        isCreditLoan,
        grantedOn: dateOnly(grantedDay),
        disbursedOn: disbursed ? dateOnly(disbursed) : null,
        maturesOn: disbursed ? dateOnly(addMonths(disbursed, termMonths)) : null,
        createdAt: new Date(t),
        // A granted request's loan: the ledger says who recorded it (bulk insert: same columns as recorded loans).
        recordedById: null,
      };
    }
    Object.assign(content, answerOpinion(rng, kind, product.name, grantedWan));
    if (!emit(LedgerAction.ANSWER, t, bankActor, RequestStatus.ANSWERED, content)) {
      loan = null;
      return false;
    }
    answeredAt = t;
    answerKind = kind;
    answerContent = content;
    return true;
  };

  const closeOut = (t: number) => {
    if (
      emit(LedgerAction.CLOSE, t, { actorUserId: ctx.financeAdminUserId, actorOrgId: ctx.financeOrgId }, RequestStatus.CLOSED, {
        closeReason: CloseReason.CLOSED_OUT,
        resolution: rng.pick(CLOSE_OUT_RESOLUTIONS),
      })
    ) {
      closedAt = t;
      closeReason = CloseReason.CLOSED_OUT;
    }
  };

  run: {
    if (plan.draftOnly) break run;
    // Submission and the park's review.
    if (
      !emit(
        LedgerAction.SUBMIT,
        wd(
          plan.createdMs,
          rng.weighted([
            [0, 70],
            [1, 25],
            [2, 5],
          ]),
        ),
        entActor,
        RequestStatus.SUBMITTED,
        { type: plan.type, title: text.title, amountFen: isFinancing ? String(amountWan * 1_000_000) : null },
      )
    )
      break run;
    submittedAt = last();
    if (plan.withdrawAt === "SUBMITTED") {
      withdraw(wd(last(), rng.int(0, 1)), false);
      break run;
    }
    if (plan.returned) {
      const reason = rng.pick(RETURN_REASONS);
      if (
        !emit(
          LedgerAction.RETURN,
          wd(
            last(),
            rng.weighted([
              [0, 40],
              [1, 45],
              [2, 15],
            ]),
          ),
          parkActor,
          RequestStatus.RETURNED,
          { reason },
          reason,
        )
      )
        break run;
      returnReason = reason;
      if (plan.withdrawAt === "RETURNED") {
        withdraw(wd(last(), rng.int(1, 5)), false);
        break run;
      }
      if (plan.staysReturned) break run;
      if (
        !emit(LedgerAction.SUBMIT, wd(last(), rng.int(1, 4)), entActor, RequestStatus.SUBMITTED, {
          type: plan.type,
          title: text.title,
          resubmission: true,
        })
      )
        break run;
      submittedAt = last();
    }
    // Forwarding: main bank's sub-branch for this park, copies to participating banks.
    const fwd = wd(
      last(),
      rng.weighted([
        [0, 45],
        [1, 40],
        [2, 15],
      ]),
    );
    const due = addWorkingDays(new Date(fwd), ctx.rules.replyDeadlineDays, ctx.calendar);
    const dueProvisional = isProvisionalDue(ctx, fwd, due);
    if (
      !emit(LedgerAction.FORWARD, fwd, parkActor, RequestStatus.FORWARDED, {
        primaryBankOrgId: primary.orgId,
        mainBankOrgId: mainBank.orgId,
        copyBankOrgIds: copies.map((c) => c.orgId),
        replyDeadlineDays: ctx.rules.replyDeadlineDays,
        dueAt: due.toISOString(),
        dueProvisional,
      })
    )
      break run;
    forwardedAt = fwd;
    dueAt = due;
    if (plan.withdrawAt === "FORWARDED") {
      withdraw(wd(fwd, rng.int(0, 1)), false);
      break run;
    }

    // The bank: sign, answer — or run late, get reminded and escalated.
    const signT = plan.signDays === null ? null : wd(fwd, plan.signDays);
    let answerT = plan.answerDays === null ? null : wd(fwd, plan.answerDays);
    if (signT !== null && answerT !== null && answerT <= signT) answerT = signT + rng.int(10, 150) * 60_000;
    const remindT = wd(due.getTime(), 1);
    const escalateT = nightlyAfter(rng, ctx.calendar, due, ctx.rules.escalateAfterDays);
    const lateBeyond = (t: number) => answerT === null || answerT > t;

    if (signT !== null && (answerT === null || signT < escalateT)) {
      if (!emit(LedgerAction.SIGN, signT, bankActor, RequestStatus.SIGNED)) break run;
      signedAt = signT;
      if (plan.withdrawAt === "SIGNED") {
        withdraw(wd(signT, rng.int(0, 2)), false);
        break run;
      }
    }
    if (lateBeyond(remindT)) {
      if (
        !emit(
          LedgerAction.REMIND,
          remindT,
          { actorUserId: ctx.financeStaffUserId, actorOrgId: ctx.financeOrgId },
          null,
          { dueAt: due.toISOString(), overdueWorkingDays: 1 },
          "请抓紧办理并答复企业。",
        )
      )
        break run;
      remindedAt = remindT;
    }
    if (lateBeyond(escalateT)) {
      if (
        !emit(LedgerAction.ESCALATE, escalateT, system, RequestStatus.ESCALATED, {
          reason: "OVERDUE",
          overdueWorkingDays: ctx.rules.escalateAfterDays,
          dueAt: due.toISOString(),
        })
      )
        break run;
      escalatedAt = escalateT;
      escalationReason = EscalationReason.OVERDUE;
      if (plan.afterEscalation === "wait") break run;
      if (plan.afterEscalation === "closeOut") {
        closeOut(wd(escalateT, rng.int(3, 10)));
        break run;
      }
      answerT = answerT ?? wd(escalateT, rng.int(1, 6));
    }
    if (answerT === null || !answer(answerT)) break run;

    // After the answer: the enterprise rates it, withdraws, or it closes unrated; a
    // problem no bank can solve goes up to the finance office.
    if (plan.withdrawAt === "ANSWERED") {
      withdraw(wd(answerT, rng.int(0, 3)), true);
      break run;
    }
    if (plan.afterAnswer === "parkEscalates" && answerKind === AnswerKind.CANNOT_DO && escalatedAt === null) {
      if (
        !emit(
          LedgerAction.ESCALATE,
          wd(answerT, rng.int(0, 2)),
          parkActor,
          RequestStatus.ESCALATED,
          { reason: "BANKS_CANNOT_SOLVE" },
          "主联系行及参与行均无法解决，提请市地方金融管理局、人民银行云溪市分行协调。",
        )
      )
        break run;
      escalatedAt = last();
      escalationReason = EscalationReason.BANKS_CANNOT_SOLVE;
      if (rng.chance(0.75)) closeOut(wd(last(), rng.int(3, 10)));
      break run;
    }
    if (plan.afterAnswer === "rate") {
      const r = plan.rating;
      const comment = rng.chance(0.5) ? rng.pick(RATING_COMMENTS[r]) : null;
      if (emit(LedgerAction.RATE, wd(answerT, rng.int(0, 6)), entActor, RequestStatus.CLOSED, { rating: r, comment })) {
        closedAt = last();
        closeReason = CloseReason.RATED;
        rating = r;
        ratingComment = comment;
      }
      break run;
    }
    // An answer asking for documents that never came closes under its own limit as
    // 未补充材料, the way the deadline scan does (close-unsupplied-documents.ts).
    const documents = answerKind === AnswerKind.NEEDS_DOCUMENTS;
    const days = documents ? ctx.rules.supplementDeadlineDays : ctx.rules.autoCloseUnratedDays;
    const autoClose = nightlyAfter(rng, ctx.calendar, addWorkingDays(new Date(answerT), days, ctx.calendar), 0);
    const reason = documents ? CloseReason.DOCUMENTS_NOT_SUPPLIED : CloseReason.NOT_RATED;
    if (
      emit(
        LedgerAction.CLOSE,
        autoClose,
        system,
        RequestStatus.CLOSED,
        documents ? { closeReason: reason, supplementDeadlineDays: days } : { closeReason: reason, autoCloseUnratedDays: days },
      )
    ) {
      closedAt = autoClose;
      closeReason = reason;
    }
  }

  // Still unresolved bulletinAfterRemindDays working days after the reminder → quarterly
  // bulletin, the way the running system does it (lib/requests/mutations/flag-for-bulletin.ts):
  // the next deadline scan flags the item and appends a system BULLETIN entry, so the
  // supervision queue's bulletin tab (which reads that entry) finds the seeded items too.
  const resolvedMs =
    answeredAt ??
    closedAt ??
    ((status as RequestStatus) === RequestStatus.WITHDRAWN ? events[events.length - 1]!.occurredAt.getTime() : null);
  const flaggedAt =
    remindedAt === null ? null : bulletinScanAfter(bulletinDueAt(new Date(remindedAt), ctx.rules.bulletinAfterRemindDays, ctx.calendar));
  const inBulletin = flaggedAt !== null && flaggedAt < ctx.nowMs && (resolvedMs === null || resolvedMs > flaggedAt);
  if (inBulletin) insertInOrder(events, bulletinEvent(id, remindedAt!, flaggedAt, ctx));
  const lastMs = events.length > 0 ? last() : plan.createdMs;
  // The park's review clock from the last submission, as the workflow sets it (an item
  // still waiting past it is escalated by the first deadline scan).
  const parkClock = submittedAt !== null ? parkReviewClock(new Date(submittedAt), ctx.rules.parkReviewDeadlineDays, ctx.calendar) : null;
  const request: Prisma.RequestCreateManyInput = {
    id,
    serial,
    programId: ctx.programId,
    ruleVersionId: ctx.ruleVersionId,
    enterpriseId: ent.id,
    parkId: park.parkId,
    type: plan.type,
    status,
    title: text.title,
    description: text.description,
    amountFen: isFinancing ? BigInt(amountWan) * 1_000_000n : null,
    purpose: text.purpose,
    termMonths: isFinancing ? termMonths : null,
    collateral: text.collateral,
    neededBy: isFinancing ? dateOnly(neededByDay) : null,
    preferredProducts,
    assignedBankId: forwardedAt !== null ? primary.orgId : null,
    submittedAt: submittedAt !== null ? new Date(submittedAt) : null,
    parkDueAt: parkClock?.parkDueAt ?? null,
    parkDueProvisional: parkClock?.parkDueProvisional ?? false,
    forwardedAt: forwardedAt !== null ? new Date(forwardedAt) : null,
    dueAt,
    dueProvisional: dueAt !== null && forwardedAt !== null ? isProvisionalDue(ctx, forwardedAt, dueAt) : false,
    signedAt: signedAt !== null ? new Date(signedAt) : null,
    answeredAt: answeredAt !== null ? new Date(answeredAt) : null,
    answerKind,
    escalatedAt: escalatedAt !== null ? new Date(escalatedAt) : null,
    escalationReason,
    answer: (answerContent ?? undefined) as Prisma.InputJsonValue | undefined,
    returnReason,
    remindedAt: remindedAt !== null ? new Date(remindedAt) : null,
    inBulletin,
    bulletinAt: inBulletin ? new Date(flaggedAt!) : null,
    closedAt: closedAt !== null ? new Date(closedAt) : null,
    closeReason,
    rating,
    ratingComment,
    withdrawnAfterAnswer,
    version: events.length,
    createdAt: new Date(plan.createdMs),
    updatedAt: new Date(lastMs),
  };
  const routes: Prisma.RequestRouteCreateManyInput[] =
    forwardedAt === null
      ? []
      : [
          { id: rng.uuid(), requestId: id, bankOrgId: primary.orgId, role: RouteRole.PRIMARY, createdAt: new Date(forwardedAt) },
          ...copies.map((c) => ({
            id: rng.uuid(),
            requestId: id,
            bankOrgId: c.orgId,
            role: RouteRole.COPY,
            createdAt: new Date(forwardedAt as number),
          })),
        ];
  const ledger = chainEntries(events) as Prisma.LedgerEntryCreateManyInput[];
  return { request, routes, ledger, loan };
}

// The deadline scan runs once per slot: the first slot after the bulletin is due.
function bulletinScanAfter(due: Date): number {
  return deadlineScanSlot(due).getTime() + DEADLINE_SCAN_SLOT_MS;
}

// The entry flagForBulletin appends (system actor, status unchanged, same content).
function bulletinEvent(requestId: string, remindedAt: number, at: number, ctx: TSeedContext): TEvent {
  return {
    requestId,
    seq: 0,
    action: LedgerAction.BULLETIN,
    actorUserId: null,
    actorOrgId: null,
    fromStatus: RequestStatus.DRAFT,
    toStatus: RequestStatus.DRAFT,
    content: bulletinEntryContent(new Date(remindedAt), ctx.rules.bulletinAfterRemindDays, new Date(at), ctx.calendar),
    note: null,
    occurredAt: new Date(at),
  };
}

/** Puts an event that changes no state where its time belongs, taking the state then, and renumbers. */
function insertInOrder(events: TEvent[], event: TEvent): void {
  let at = events.findIndex((e) => e.occurredAt.getTime() > event.occurredAt.getTime());
  if (at < 0) at = events.length;
  const state = events[at - 1]!.toStatus;
  events.splice(at, 0, { ...event, fromStatus: state, toStatus: state });
  events.forEach((e, i) => (e.seq = i + 1));
}
