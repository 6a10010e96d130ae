/**
 * Concurrent workflow steps that meet in the same tally rows (the read models' triggers,
 * prisma/migrations/*_read_models): items of one park, all with one bank and one due day,
 * so every step adds to or takes from the same RequestStatusTally, RequestOpenTally,
 * RequestQuarterTally and RequestOwedTally rows.
 *
 *   const scene = await prepareAttackScene(prisma, programId, { forwardWithdraw: 48, ... });
 *   const outcome = await runAttack(prisma, scene);
 *
 * prepareAttackScene brings items into the states the pairs need, one step at a time
 * through the real domain mutations (no concurrency); runAttack then starts every pair's
 * two calls at once (one Promise.all) and reports each call: succeeded, refused with an
 * AppError (a refusal the domain is entitled to), or failed with anything else (a
 * deadlock, a serialization failure, a timeout: what a person would see as a 500).
 *
 * The pairs:
 *   - forward + withdraw: a SUBMITTED item forwarded to the bank, while the enterprise
 *     withdraws another item already FORWARDED to that bank (the pair a review caught
 *     deadlocking: the forward adds to the state, open, quarter and owed rows in one
 *     statement; the withdraw takes from the state and open rows, then — through its
 *     ledger entry — from the owed row);
 *   - answer + withdraw: the bank answers a SIGNED item (state and open rows, then through
 *     the ledger the quarter and owed rows) while another item is withdrawn;
 *   - forward + rate: an ANSWERED item rated satisfied (state and year rows, then through
 *     the ledger the quarter row) while another item is forwarded.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AnswerKind, Rating, RequestStatus, RequestType, Role } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { AppError } from "@/lib/errors";
import { answerRequest, signRequest } from "@/lib/requests/mutations/bank-steps";
import { rateRequest, withdrawRequest } from "@/lib/requests/mutations/enterprise-steps";
import { forwardRequest } from "@/lib/requests/mutations/park-steps";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import type { TAnswerInput } from "@/lib/requests/schemas";
import type { TWorkflowResult } from "@/lib/requests/workflow/types";

/** The set-up steps' clock, and the attack's half an hour later: the same due day (the reply clock ends at the end of a day). */
export const SETUP_AT = new Date("2026-11-27T09:00:00+08:00");
export const ATTACK_AT = new Date("2026-11-27T09:30:00+08:00");

export type TAttackPlan = { forwardWithdraw: number; answerWithdraw: number; forwardRate: number };
export type TCallLabel = "forward" | "withdraw" | "answer" | "rate";

type TItem = { id: string; serial: string; version: number; owner: TActorSource };
type TCall = { label: TCallLabel; item: TItem; run: (db: PrismaClient) => Promise<TWorkflowResult> };

export type TAttackScene = {
  parkId: string;
  bankId: string;
  /** The one due day of every item the attack touches (end of that day, Shanghai). */
  dueAt: Date;
  pairs: Array<[TCall, TCall]>;
};

export type TCallOutcome = { label: TCallLabel; serial: string; result: "ok" | "refused" | "failed"; detail?: string };

export type TAttackOutcome = {
  calls: TCallOutcome[];
  ok: number;
  refused: number;
  failed: TCallOutcome[];
  /** Failures that were deadlocks (40P01, Prisma P2034, "deadlock detected"). */
  deadlocks: number;
  ms: number;
};

const sqlOf =
  (prisma: PrismaClient) =>
  <T>(text: string, ...values: unknown[]) =>
    prisma.$queryRawUnsafe<T[]>(text, ...values);

/** Whether an error (Prisma's, the driver's, or one it wraps) is PostgreSQL's deadlock abort. */
export function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: unknown; meta?: { code?: unknown }; message?: unknown };
    if (x.code === "40P01" || x.code === "P2034" || x.meta?.code === "40P01") return true;
    if (typeof x.message === "string" && x.message.includes("deadlock detected")) return true;
  }
  return false;
}

/**
 * The park with the most approved enterprises that have an owner, its main bank (the
 * bank every item goes to) and a user of that bank who may sign and answer.
 */
async function pickCast(prisma: PrismaClient, programId: string) {
  const sql = sqlOf(prisma);
  const [park] = await sql<{ parkId: string; bankId: string }>(
    `SELECT p.id::text AS "parkId", x."bankOrgId"::text AS "bankId"
       FROM "Park" p JOIN "ParkBankPairing" x ON x."parkId" = p.id AND x."programId" = $1::uuid AND x.year = 2026 AND x."endedAt" IS NULL AND x.role = 'MAIN'
      WHERE EXISTS (SELECT 1 FROM "User" u WHERE u."orgId" = p."orgId" AND u.role = 'PARK_STAFF')
        AND EXISTS (SELECT 1 FROM "User" u WHERE u."orgId" = x."bankOrgId" AND u.role IN ('BANK_LIAISON', 'BANK_MANAGER'))
      ORDER BY (SELECT count(*) FROM "Enterprise" e JOIN "User" u ON u."orgId" = e."orgId" AND u.role = 'ENTERPRISE_OWNER'
                 WHERE e."parkId" = p.id AND e."registrationStatus" = 'APPROVED') DESC, p.id
      LIMIT 1`,
    programId,
  );
  if (!park) throw new Error("no park with staff and a main bank with users in the demo data");
  const actors = await sql<TActorSource & { account: string }>(
    `SELECT u.id::text AS "userId", u.role::text AS role, u."orgId"::text AS "orgId", o.kind::text AS "orgKind", u.account
       FROM "User" u JOIN "Organization" o ON o.id = u."orgId"
      WHERE (u."orgId" = (SELECT "orgId" FROM "Park" WHERE id = $1::uuid) AND u.role = 'PARK_STAFF')
         OR (u."orgId" = $2::uuid AND u.role IN ('BANK_LIAISON', 'BANK_MANAGER'))
         OR (u.role = 'ENTERPRISE_OWNER' AND u."orgId" IN (SELECT "orgId" FROM "Enterprise" WHERE "parkId" = $1::uuid AND "registrationStatus" = 'APPROVED'))
      ORDER BY u.account`,
    park.parkId,
    park.bankId,
  );
  const strip = ({ userId, role, orgId, orgKind }: TActorSource): TActorSource => ({ userId, role, orgId, orgKind });
  const staff = actors.find((a) => a.role === Role.PARK_STAFF)!;
  const banker = actors.find((a) => a.role === Role.BANK_LIAISON || a.role === Role.BANK_MANAGER)!;
  const owners = actors.filter((a) => a.role === Role.ENTERPRISE_OWNER).map(strip);
  if (owners.length === 0) throw new Error("no enterprise owner in the chosen park");
  return { parkId: park.parkId, bankId: park.bankId, staff: strip(staff), banker: strip(banker), owners };
}

/** Brings items into the states the plan's pairs need and returns the pairs, not yet run. */
export async function prepareAttackScene(prisma: PrismaClient, programId: string, plan: TAttackPlan): Promise<TAttackScene> {
  const { parkId, bankId, staff, banker, owners } = await pickCast(prisma, programId);
  const opts = { now: SETUP_AT };
  let made = 0;
  const submit = async (): Promise<TItem> => {
    const owner = owners[made++ % owners.length]!;
    const r = await saveRequest(
      prisma,
      owner,
      {
        type: RequestType.FINANCING,
        title: "流动资金贷款需求",
        description: "并发测试生成的需求。",
        amountFen: "200000000",
        purpose: "采购原材料",
        termMonths: 12,
        collateral: null,
        neededBy: "2027-03-31",
        preferredProducts: [],
        submit: true,
      },
      opts,
    );
    return { id: r.id, serial: r.serial, version: r.version, owner };
  };
  const step = async (item: TItem, run: (version: number) => Promise<TWorkflowResult>): Promise<TItem> => ({
    ...item,
    version: (await run(item.version)).version,
  });
  const forward = (item: TItem) =>
    step(item, (version) =>
      forwardRequest(prisma, staff, { requestId: item.id, version, bankOrgId: bankId, copyParticipating: false, note: null }, opts),
    );
  const sign = (item: TItem) => step(item, (version) => signRequest(prisma, banker, { requestId: item.id, version }, opts));
  const answer = (item: TItem) => step(item, (version) => answerRequest(prisma, banker, canDo(item.id, version), opts));
  const many = async (n: number, make: () => Promise<TItem>) => {
    const out: TItem[] = [];
    for (let i = 0; i < n; i++) out.push(await make());
    return out;
  };

  const toForward = await many(plan.forwardWithdraw + plan.forwardRate, submit);
  const toWithdraw = await many(plan.forwardWithdraw + plan.answerWithdraw, async () => forward(await submit()));
  const toAnswer = await many(plan.answerWithdraw, async () => sign(await forward(await submit())));
  const toRate = await many(plan.forwardRate, async () => answer(await sign(await forward(await submit()))));

  const now = { now: ATTACK_AT };
  const forwardCall = (item: TItem): TCall => ({
    label: "forward",
    item,
    run: (db) =>
      forwardRequest(
        db,
        staff,
        { requestId: item.id, version: item.version, bankOrgId: bankId, copyParticipating: false, note: null },
        now,
      ),
  });
  const withdrawCall = (item: TItem): TCall => ({
    label: "withdraw",
    item,
    run: (db) => withdrawRequest(db, item.owner, { requestId: item.id, version: item.version, reason: "已通过其他渠道解决" }, now),
  });
  const answerCall = (item: TItem): TCall => ({
    label: "answer",
    item,
    run: (db) => answerRequest(db, banker, canDo(item.id, item.version), now),
  });
  const rateCall = (item: TItem): TCall => ({
    label: "rate",
    item,
    run: (db) => rateRequest(db, item.owner, { requestId: item.id, version: item.version, rating: Rating.SATISFIED, comment: null }, now),
  });

  const pairs: Array<[TCall, TCall]> = [];
  for (let i = 0; i < plan.forwardWithdraw; i++) pairs.push([forwardCall(toForward[i]!), withdrawCall(toWithdraw[i]!)]);
  for (let i = 0; i < plan.answerWithdraw; i++) pairs.push([answerCall(toAnswer[i]!), withdrawCall(toWithdraw[plan.forwardWithdraw + i]!)]);
  for (let i = 0; i < plan.forwardRate; i++) pairs.push([forwardCall(toForward[plan.forwardWithdraw + i]!), rateCall(toRate[i]!)]);

  // Every item already with the bank has one due day, the one the attack's forwards will get.
  const due = await sqlOf(prisma)<{ dueAt: Date; n: number }>(
    `SELECT "dueAt", count(*)::int AS n FROM "Request" WHERE id = ANY($1::uuid[]) GROUP BY "dueAt"`,
    [...toWithdraw, ...toAnswer, ...toRate].map((x) => x.id),
  );
  if (due.length !== 1) throw new Error(`the scene's items should share one due day, found ${JSON.stringify(due)}`);
  return { parkId, bankId, dueAt: due[0]!.dueAt, pairs };
}

function canDo(requestId: string, version: number): TAnswerInput {
  return {
    requestId,
    version,
    kind: AnswerKind.CAN_DO,
    conditions: "纳税信用B级以上",
    procedure: "提交材料后十个工作日内审批",
    suggestedProducts: null,
  };
}

/** Starts every pair's two calls at once and waits for all of them. */
export async function runAttack(prisma: PrismaClient, scene: TAttackScene): Promise<TAttackOutcome> {
  const started = performance.now();
  let deadlocks = 0;
  const one = async (call: TCall): Promise<TCallOutcome> => {
    try {
      await call.run(prisma);
      return { label: call.label, serial: call.item.serial, result: "ok" };
    } catch (error) {
      if (error instanceof AppError) return { label: call.label, serial: call.item.serial, result: "refused", detail: error.code };
      if (isDeadlock(error)) deadlocks++;
      const message = error instanceof Error ? error.message : String(error);
      return {
        label: call.label,
        serial: call.item.serial,
        result: "failed",
        detail:
          message
            .split("\n")
            .find((l) => l.trim() !== "")
            ?.slice(0, 300) ?? message,
      };
    }
  };
  const calls = await Promise.all(scene.pairs.flatMap(([a, b]) => [one(a), one(b)]));
  return {
    calls,
    ok: calls.filter((c) => c.result === "ok").length,
    refused: calls.filter((c) => c.result === "refused").length,
    failed: calls.filter((c) => c.result === "failed"),
    deadlocks,
    ms: Math.round(performance.now() - started),
  };
}

/** The statuses the attack leaves: every call that succeeded moved its item. */
export const EXPECTED_STATUS: Record<TCallLabel, RequestStatus> = {
  forward: RequestStatus.FORWARDED,
  withdraw: RequestStatus.WITHDRAWN,
  answer: RequestStatus.ANSWERED,
  rate: RequestStatus.CLOSED,
};
