/**
 * The read models (tally tables and the ledger facts on "Request", kept by PostgreSQL
 * triggers in the same transaction as each change) against the raw rows, on a database of
 * its own seeded with the demo data:
 *
 *   1. right after the seed (its bulk inserts went through the triggers);
 *   2. while a random but reproducible sequence of workflow steps runs through the real
 *      domain mutations, as the actor each step needs, on items in a state that allows
 *      it, with a clock that only moves forward — recounted every few steps;
 *   3. at the end, the numbers the dashboards read (deadline bands of a bank's inbox,
 *      a quarter's reply and satisfaction counts) against direct per-item SQL;
 *   4. a tally corrupted on purpose is reported, and the rebuild repairs it.
 *
 * The random sequence comes from a seeded generator: the seed is printed, and
 * READ_MODELS_SEED=<n> replays the same run. READ_MODELS_CHECK_EVERY=1 recounts after
 * every step, to find the first step after which a model is wrong.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AnswerKind, CalendarDayKind, OrgKind, Rating, RequestStatus, RequestType, Role } from "@/lib/generated/prisma/enums";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage } from "@/lib/auth/scopes";
import { addCalendarDay, removeCalendarDay } from "@/lib/calendar/mutations/manage-calendar";
import { isWeekendIso } from "@/lib/calendar/schemas";
import { endOfShanghaiDay, shanghaiDateString } from "@/lib/calendar/working-days";
import { ratesOf } from "@/lib/dashboard/shared-rates";
import { AppError } from "@/lib/errors";
import { quarterWindow, type TQuarterWindow } from "@/lib/ranking/quarter-window";
import { rebuildReadModels } from "@/lib/read-models/mutations/rebuild-read-models";
import { countDeadlineBands, countUnderSupervision } from "@/lib/read-models/queries/count-open-items";
import { readQuarterRateCounts } from "@/lib/read-models/queries/read-quarter-rate-counts";
import { recountReadModels, type TReadModelMismatch } from "@/lib/read-models/queries/recount-read-models";
import { scanDeadlines } from "@/lib/requests/mutations/scan-deadlines";
import { answerRequest, declareUnsolvable, passRequest, signRequest } from "@/lib/requests/mutations/bank-steps";
import { disputeReturn, rateRequest, supplyDocuments, withdrawRequest } from "@/lib/requests/mutations/enterprise-steps";
import { forwardRequest, returnRequest } from "@/lib/requests/mutations/park-steps";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import { assignRequest, checkWithdrawal, closeOutRequest, remindRequest, ruleOnDispute } from "@/lib/requests/mutations/supervision-steps";
import type { TAnswerInput, TSaveRequestInput } from "@/lib/requests/schemas";
import type { TWorkflowResult } from "@/lib/requests/workflow/types";
import { recordKeyContact } from "@/lib/key-lists/mutations/record-key-contact";
import { reassignKeyMember } from "@/lib/key-lists/mutations/reassign-key-member";
import { ZRecordKeyContact } from "@/lib/key-lists/schemas";
import { cancelLoan } from "@/lib/loans/mutations/cancel-loan";
import { recordLoan } from "@/lib/loans/mutations/record-loan";
import { ZRecordLoan } from "@/lib/loans/schemas";
import { answerQuestionnaire } from "@/lib/questionnaires/mutations/answer-questionnaire";
import { seedDemoKeyLists } from "@/prisma/seed/seed-demo-key-lists";
import { expectedQuarterRates } from "./expected-quarter-rates";
import { SEED_REFERENCE_DATE, openSeededDatabase, type TSeededDatabase } from "./read-models-fixture";

// ── the run's parameters ──

const SEED = (() => {
  const raw = process.env.READ_MODELS_SEED;
  if (raw === undefined || raw === "") return randomInt(2 ** 31);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`READ_MODELS_SEED must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return n;
})();
const CHECK_EVERY = Math.max(1, Number(process.env.READ_MODELS_CHECK_EVERY ?? 25) || 25);
/** Steps drawn at random; a short phase after them retries any step kind not yet done. */
const RANDOM_STEPS = 200;
/** The clock starts on the seed's reference day and ends early in January 2027, so items are forwarded in two quarters. */
const START = new Date("2026-11-27T10:00:00+08:00");
const SPAN_MS = 42 * 86_400_000;
const MEAN_ADVANCE_MS = SPAN_MS / RANDOM_STEPS;
const META = { ip: "127.0.0.1", userAgent: "read-models-consistency.test" };
const RUNNING: RequestStatus[] = [RequestStatus.FORWARDED, RequestStatus.SIGNED, RequestStatus.ESCALATED];

/** Every step kind that must have succeeded at least once by the end of the run. */
const REQUIRED = [
  "submit",
  "forward",
  "return",
  "disputeReturn",
  "ruleOnDispute",
  "sign",
  "answer:CAN_DO",
  "answer:NEEDS_DOCUMENTS",
  "answer:CANNOT_DO",
  "answer:GRANTED",
  "pass",
  "declareUnsolvable",
  "assign",
  "remind",
  "supplyDocuments",
  "rate:satisfied",
  "rate:dissatisfied",
  "withdraw:beforeAnswer",
  "withdraw:afterAnswer",
  "closeOut",
  "scan",
  "calendar",
] as const;

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rng = generator(SEED);
const chance = (p: number) => rng() < p;
function pick<T>(xs: readonly T[]): T {
  if (xs.length === 0) throw new Error("pick from an empty list");
  return xs[Math.floor(rng() * xs.length)]!;
}

// ── the database and the people in it ──

let db: TSeededDatabase | undefined;
let prisma: PrismaClient;
let programId: string;

type TItem = {
  id: string;
  serial: string;
  version: number;
  status: RequestStatus;
  type: RequestType;
  parkId: string;
  enterpriseId: string;
  assignedBankId: string | null;
  answeredAt: Date | null;
  dueAt: Date | null;
};

const usersByOrg = new Map<string, TActorSource[]>();
const bankParent = new Map<string, string | null>();
let activeBanks: string[] = [];
const parkOrg = new Map<string, string>();
const enterpriseOrg = new Map<string, string>();
let approvedEnterprises: string[] = [];
const pairings = new Map<string, { main: string | null; participating: string[] }>();
let financeActors: TActorSource[] = [];
let financeAdmin: TActorSource;
let liaison: TActorSource;

const sql = <T>(text: string, ...values: unknown[]) => prisma.$queryRawUnsafe<T[]>(text, ...values);
const count = async (text: string, ...values: unknown[]) => Number((await sql<{ n: bigint | number }>(text, ...values))[0]!.n);

async function loadPeople(): Promise<void> {
  const users = await sql<{ id: string; role: Role; orgId: string; orgKind: OrgKind; account: string }>(
    `SELECT u.id::text, u.role::text AS role, u."orgId"::text AS "orgId", o.kind::text AS "orgKind", u.account
       FROM "User" u JOIN "Organization" o ON o.id = u."orgId" ORDER BY u.account`,
  );
  for (const u of users) {
    const list = usersByOrg.get(u.orgId) ?? [];
    list.push({ userId: u.id, role: u.role, orgId: u.orgId, orgKind: u.orgKind });
    usersByOrg.set(u.orgId, list);
  }
  const byAccount = (account: string) => {
    const u = users.find((x) => x.account === account);
    if (!u) throw new Error(`demo user ${account} missing`);
    return { userId: u.id, role: u.role, orgId: u.orgId, orgKind: u.orgKind };
  };
  financeAdmin = byAccount("finance.admin");
  financeActors = [financeAdmin, byAccount("finance.staff")];
  liaison = byAccount("bank.liaison");

  const banks = await sql<{ id: string; parentId: string | null; active: boolean }>(
    `SELECT id::text, "parentId"::text AS "parentId", active FROM "Organization" WHERE kind = 'BANK' ORDER BY id`,
  );
  for (const b of banks) bankParent.set(b.id, b.parentId);
  activeBanks = banks.filter((b) => b.active).map((b) => b.id);

  for (const p of await sql<{ id: string; orgId: string }>(`SELECT id::text, "orgId"::text AS "orgId" FROM "Park" ORDER BY id`))
    parkOrg.set(p.id, p.orgId);
  const enterprises = await sql<{ id: string; orgId: string; approved: boolean }>(
    `SELECT id::text, "orgId"::text AS "orgId", "registrationStatus" = 'APPROVED' AS approved FROM "Enterprise" ORDER BY id`,
  );
  for (const e of enterprises) enterpriseOrg.set(e.id, e.orgId);
  approvedEnterprises = enterprises.filter((e) => e.approved && enterpriseOwner(e.id) !== null).map((e) => e.id);

  const rows = await sql<{ parkId: string; bankOrgId: string; role: string }>(
    `SELECT "parkId"::text AS "parkId", "bankOrgId"::text AS "bankOrgId", role::text AS role FROM "ParkBankPairing"
      WHERE "programId" = $1::uuid AND year = 2026 AND "endedAt" IS NULL ORDER BY "createdAt", id`,
    programId,
  );
  for (const r of rows) {
    const p = pairings.get(r.parkId) ?? { main: null, participating: [] };
    if (r.role === "MAIN") p.main ??= r.bankOrgId;
    else if (r.role === "PARTICIPATING") p.participating.push(r.bankOrgId);
    pairings.set(r.parkId, p);
  }
}

function enterpriseOwner(enterpriseId: string): TActorSource | null {
  const users = usersByOrg.get(enterpriseOrg.get(enterpriseId) ?? "") ?? [];
  return users.find((u) => u.role === Role.ENTERPRISE_OWNER) ?? null;
}

function parkStaff(parkId: string): TActorSource | null {
  const users = (usersByOrg.get(parkOrg.get(parkId) ?? "") ?? []).filter((u) => u.role === Role.PARK_STAFF);
  return users.length > 0 ? pick(users) : null;
}

/** A user of the assigned bank, or now and then of a parent bank (it covers its branches). */
function bankActor(bankId: string): TActorSource | null {
  const chain: string[] = [];
  for (let b: string | null | undefined = bankId; b; b = bankParent.get(b)) chain.push(b);
  const usersOf = (org: string) => (usersByOrg.get(org) ?? []).filter((u) => u.role === Role.BANK_LIAISON || u.role === Role.BANK_MANAGER);
  const order = chain.length > 1 && chance(0.2) ? [...chain.slice(1), chain[0]!] : chain;
  for (const org of order) {
    const users = usersOf(org);
    if (users.length > 0) return pick(users);
  }
  return null;
}

// ── the run's bookkeeping ──

let now = START;
let stepNo = 0;
let attempts = 0;
const succeeded = new Map<string, number>();
const refused = new Map<string, number>();
const skipped = new Map<string, number>();
const log: string[] = [];
let logAtLastCheck = 0;
const touched = new Set<string>();
const scanTotals = { escalated: 0, autoClosed: 0, bulletin: 0, yellow: 0, red: 0 };
// The park review deadline's steps of the same scans (they change no counted fact).
const parkTotals = { started: 0, escalated: 0, yellow: 0, red: 0 };
let calendarDueChanged = 0;
const addedDays: string[] = [];
const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

function advance(): void {
  now = new Date(now.getTime() + Math.floor(rng() * 2 * MEAN_ADVANCE_MS));
}

/** Runs one domain call; an AppError is a refusal the domain is entitled to, anything else fails the test. */
async function attempt(label: string, what: string, run: () => Promise<unknown>, item?: TItem): Promise<boolean> {
  stepNo++;
  attempts++;
  const at = now.toISOString();
  try {
    const result = await run();
    bump(succeeded, label);
    if (item) touched.add(item.id);
    const status = result && typeof result === "object" && "status" in result ? ` → ${String(result.status)}` : "";
    log.push(`#${stepNo} ${at} ${label} ${what}${status}`);
    return true;
  } catch (e) {
    if (!(e instanceof AppError)) {
      log.push(`#${stepNo} ${at} ${label} ${what} THREW ${String(e)}`);
      throw new Error(`step #${stepNo} ${label} ${what} failed (seed ${SEED}):\n${log.slice(-15).join("\n")}`, { cause: e });
    }
    bump(refused, label);
    bump(refused, `${label} (${e.code})`);
    log.push(`#${stepNo} ${at} ${label} ${what} refused ${e.code}`);
    return false;
  }
}

async function items(where: string, ...values: unknown[]): Promise<TItem[]> {
  return sql<TItem>(
    `SELECT id::text, serial, version, status::text AS status, type::text AS type, "parkId"::text AS "parkId",
            "enterpriseId"::text AS "enterpriseId", "assignedBankId"::text AS "assignedBankId", "answeredAt", "dueAt"
       FROM "Request" WHERE ${where} ORDER BY serial`,
    ...values,
  );
}

/** Half the time an item this run already moved (longer histories per item), else any. */
function pickItem(xs: TItem[]): TItem {
  const mine = xs.filter((x) => touched.has(x.id));
  return mine.length > 0 && chance(0.5) ? pick(mine) : pick(xs);
}

/** Now and then the version the user saw is stale: the domain must refuse ("conflict") and write nothing. */
const versionOf = (item: TItem) => (chance(0.04) ? item.version - 1 : item.version);
const describeItem = (item: TItem) => `${item.serial} [${item.status}${item.answeredAt ? ", answered" : ""}]`;

function requestInput(type: RequestType, extra: Partial<TSaveRequestInput>): TSaveRequestInput {
  const financing = type === RequestType.FINANCING;
  return {
    type,
    title: financing ? "流动资金贷款需求" : "融资政策咨询",
    description: "随机流程测试生成的需求。",
    amountFen: financing ? String(pick([50, 200, 500, 1200]) * 1_000_000) : null,
    purpose: financing ? "采购原材料" : null,
    termMonths: financing ? pick([6, 12, 24]) : null,
    collateral: null,
    neededBy: financing ? "2027-03-31" : null,
    preferredProducts: [],
    submit: false,
    ...extra,
  };
}

// ── the steps: each finds an item in a state that allows it (null: none right now) ──

type TStep = (variant?: string) => Promise<boolean | null>;

const STEPS: Record<string, { weight: number; run: TStep }> = {
  // A new item: straight to the park, or first a draft (sometimes left a draft).
  submit: {
    weight: 10,
    run: async () => {
      const enterpriseId = pick(approvedEnterprises);
      const owner = enterpriseOwner(enterpriseId)!;
      const type = chance(0.75) ? RequestType.FINANCING : RequestType.CONSULTATION;
      if (chance(0.6))
        return attempt("submit", `new ${type}`, () => saveRequest(prisma, owner, requestInput(type, { submit: true }), { now }));
      const made: { draft?: TWorkflowResult } = {};
      const ok = await attempt(
        "draft",
        `new ${type}`,
        async () => (made.draft = await saveRequest(prisma, owner, requestInput(type, {}), { now })),
      );
      const d = made.draft;
      if (!ok || !d || chance(0.15)) return ok;
      return attempt("submit", `draft ${type}`, () =>
        saveRequest(prisma, owner, requestInput(type, { requestId: d.id, version: d.version, submit: true }), { now }),
      );
    },
  },
  resubmit: {
    weight: 3,
    run: async () => {
      const xs = await items(`status = 'RETURNED' AND "returnDisputedAt" IS NULL`);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const owner = enterpriseOwner(item.enterpriseId)!;
      return attempt(
        "resubmit",
        describeItem(item),
        () => saveRequest(prisma, owner, requestInput(item.type, { requestId: item.id, version: versionOf(item), submit: true }), { now }),
        item,
      );
    },
  },
  // The park window: automatic routing to the main bank's servicing branch, or a paired bank it picks.
  forward: {
    weight: 12,
    run: async () => {
      const xs = await items(`status = 'SUBMITTED'`);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const staff = parkStaff(item.parkId)!;
      const paired = pairings.get(item.parkId);
      const choices = paired ? [...(paired.main ? [paired.main] : []), ...paired.participating] : [];
      const bankOrgId = choices.length > 0 && chance(0.3) ? pick(choices) : null;
      const input = { requestId: item.id, version: versionOf(item), bankOrgId, copyParticipating: chance(0.5), note: null };
      return attempt(
        "forward",
        `${describeItem(item)} to ${bankOrgId ? "picked bank" : "main bank"}`,
        () => forwardRequest(prisma, staff, input, { now }),
        item,
      );
    },
  },
  return: {
    weight: 4,
    run: async () => {
      const xs = await items(`status = 'SUBMITTED'`);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const input = { requestId: item.id, version: versionOf(item), reason: "请补充近三个月银行流水" };
      return attempt("return", describeItem(item), () => returnRequest(prisma, parkStaff(item.parkId)!, input, { now }), item);
    },
  },
  disputeReturn: {
    weight: 3,
    run: async () => {
      const xs = await items(`status = 'RETURNED' AND "returnDisputedAt" IS NULL AND "returnDisputeNote" IS NULL`);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const input = { requestId: item.id, version: versionOf(item), note: "材料已在附件中" };
      return attempt(
        "disputeReturn",
        describeItem(item),
        () => disputeReturn(prisma, enterpriseOwner(item.enterpriseId)!, input, { now }),
        item,
      );
    },
  },
  ruleOnDispute: {
    weight: 3,
    run: async () => {
      const xs = await items(`status = 'RETURNED' AND "returnDisputedAt" IS NOT NULL`);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const upheld = chance(0.5);
      const input = { requestId: item.id, version: versionOf(item), upheld, note: upheld ? "维持园区意见" : "材料齐全，请园区转交" };
      return attempt(
        "ruleOnDispute",
        `${describeItem(item)} ${upheld ? "upheld" : "overruled"}`,
        () => ruleOnDispute(prisma, pick(financeActors), input, { now }),
        item,
      );
    },
  },
  sign: {
    weight: 12,
    run: async () => {
      const xs = await items(
        `"answeredAt" IS NULL AND "assignedBankId" IS NOT NULL AND (status = 'FORWARDED' OR (status = 'ESCALATED' AND "signedAt" IS NULL))`,
      );
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const actor = bankActor(item.assignedBankId!);
      if (!actor) return null;
      return attempt(
        "sign",
        describeItem(item),
        () => signRequest(prisma, actor, { requestId: item.id, version: versionOf(item) }, { now }),
        item,
      );
    },
  },
  // Each answer kind; a loan (GRANTED) only on a financing need.
  answer: {
    weight: 14,
    run: async (variant) => {
      const kind = (variant ??
        pick([AnswerKind.CAN_DO, AnswerKind.NEEDS_DOCUMENTS, AnswerKind.CANNOT_DO, AnswerKind.GRANTED])) as AnswerKind;
      const xs = await items(
        `"answeredAt" IS NULL AND "assignedBankId" IS NOT NULL AND status IN ('SIGNED', 'ESCALATED') ${kind === AnswerKind.GRANTED ? `AND type = 'FINANCING'` : ""}`,
      );
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const actor = bankActor(item.assignedBankId!);
      if (!actor) return null;
      const base = { requestId: item.id, version: versionOf(item) };
      const day = shanghaiDateString(now);
      const input: TAnswerInput =
        kind === AnswerKind.CAN_DO
          ? { ...base, kind, conditions: "纳税信用B级以上", procedure: "提交材料后十个工作日内审批", suggestedProducts: null }
          : kind === AnswerKind.NEEDS_DOCUMENTS
            ? { ...base, kind, documents: "近两年财务报表" }
            : kind === AnswerKind.CANNOT_DO
              ? { ...base, kind, reason: "不符合我行授信政策" }
              : {
                  ...base,
                  kind: AnswerKind.GRANTED,
                  amountFen: String(pick([100, 300, 800]) * 1_000_000),
                  annualRate: pick(["3.1", "3.45", "4.2"]),
                  termMonths: pick([6, 12, 36]),
                  product: "科技贷",
                  guarantee: null,
                  isFirstLoan: chance(0.5),
                  isCreditLoan: chance(0.5),
                  grantedOn: day,
                  disbursedOn: chance(0.7) ? day : null,
                  maturesOn: null,
                };
      return attempt(`answer:${kind}`, describeItem(item), () => answerRequest(prisma, actor, input, { now }), item);
    },
  },
  // To a participating bank of the park: new clock, the finance office watches (PASSED).
  pass: {
    weight: 4,
    run: async () => {
      const xs = (
        await items(`"answeredAt" IS NULL AND "assignedBankId" IS NOT NULL AND status IN ('FORWARDED', 'SIGNED', 'ESCALATED')`)
      ).filter((x) => (pairings.get(x.parkId)?.participating ?? []).some((b) => b !== x.assignedBankId));
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const actor = bankActor(item.assignedBankId!);
      if (!actor) return null;
      const to = pick(pairings.get(item.parkId)!.participating.filter((b) => b !== item.assignedBankId));
      const input = { requestId: item.id, version: versionOf(item), toBankOrgId: to, reason: "我行暂无匹配产品" };
      return attempt("pass", describeItem(item), () => passRequest(prisma, actor, input, { now }), item);
    },
  },
  declareUnsolvable: {
    weight: 4,
    run: async () => {
      const xs = await items(`"answeredAt" IS NULL AND "assignedBankId" IS NOT NULL AND status IN ('FORWARDED', 'SIGNED', 'ESCALATED')`);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const actor = bankActor(item.assignedBankId!);
      if (!actor) return null;
      const input = { requestId: item.id, version: versionOf(item), reason: "企业负债率过高" };
      return attempt("declareUnsolvable", describeItem(item), () => declareUnsolvable(prisma, actor, input, { now }), item);
    },
  },
  // The finance office hands an escalated or overdue item to any bank with a deadline of its own.
  assign: {
    weight: 5,
    run: async () => {
      const xs = await items(`status = 'ESCALATED' OR (status IN ('FORWARDED', 'SIGNED') AND "answeredAt" IS NULL AND "dueAt" < $1)`, now);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const input = {
        requestId: item.id,
        version: versionOf(item),
        bankOrgId: pick(activeBanks),
        deadlineDays: 1 + Math.floor(rng() * 10),
        note: null,
      };
      return attempt("assign", describeItem(item), () => assignRequest(prisma, pick(financeActors), input, { now }), item);
    },
  },
  remind: {
    weight: 4,
    run: async () => {
      const xs = await items(`status IN ('FORWARDED', 'SIGNED', 'ESCALATED') AND "answeredAt" IS NULL AND "dueAt" < $1`, now);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const input = { requestId: item.id, version: versionOf(item), note: "请抓紧办理" };
      return attempt("remind", describeItem(item), () => remindRequest(prisma, pick(financeActors), input, { now }), item);
    },
  },
  // Satisfied closes the item; dissatisfied reopens it for the same bank with a new clock.
  rate: {
    weight: 10,
    run: async (variant) => {
      const xs = await items(`status = 'ANSWERED'`);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const dissatisfied = variant ? variant === "dissatisfied" : chance(0.4);
      const rating = dissatisfied ? Rating.DISSATISFIED : pick([Rating.SATISFIED, Rating.BASICALLY_SATISFIED]);
      const input = { requestId: item.id, version: versionOf(item), rating, comment: dissatisfied ? "条件太高" : null };
      return attempt(
        `rate:${dissatisfied ? "dissatisfied" : "satisfied"}`,
        `${describeItem(item)} ${rating}`,
        () => rateRequest(prisma, enterpriseOwner(item.enterpriseId)!, input, { now }),
        item,
      );
    },
  },
  // The enterprise sends the documents a bank asked for: back to that bank (SIGNED), new clock.
  supplyDocuments: {
    weight: 6,
    run: async () => {
      const xs = await items(`status = 'ANSWERED' AND "answerKind" = 'NEEDS_DOCUMENTS'`);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const input = { requestId: item.id, version: versionOf(item), note: "已补充近两年财务报表" };
      return attempt(
        "supplyDocuments",
        describeItem(item),
        () => supplyDocuments(prisma, enterpriseOwner(item.enterpriseId)!, input, { now }),
        item,
      );
    },
  },
  // Before an answer (no check needed; owed nothing when before the deadline) or after one.
  withdraw: {
    weight: 6,
    run: async (variant) => {
      const after = variant ? variant === "afterAnswer" : chance(0.5);
      const xs = after
        ? await items(`status = 'ANSWERED' OR (status = 'ESCALATED' AND "answeredAt" IS NOT NULL)`)
        : await items(`status IN ('SUBMITTED', 'RETURNED', 'FORWARDED', 'SIGNED', 'ESCALATED') AND "answeredAt" IS NULL`);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const input = { requestId: item.id, version: versionOf(item), reason: "已通过其他渠道解决" };
      return attempt(
        `withdraw:${after ? "afterAnswer" : "beforeAnswer"}`,
        describeItem(item),
        () => withdrawRequest(prisma, enterpriseOwner(item.enterpriseId)!, input, { now }),
        item,
      );
    },
  },
  checkWithdrawal: {
    weight: 2,
    run: async () => {
      const xs = await items(`status = 'WITHDRAWN' AND "withdrawnAfterAnswer" AND "withdrawalCheckedAt" IS NULL`);
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const input = { requestId: item.id, version: versionOf(item), note: "已电话核实，企业自愿撤回" };
      return attempt("checkWithdrawal", describeItem(item), () => checkWithdrawal(prisma, pick(financeActors), input, { now }), item);
    },
  },
  // 销号: answered or supervised items (escalated, or overdue with a bank).
  closeOut: {
    weight: 4,
    run: async () => {
      const xs = await items(
        `status IN ('ANSWERED', 'ESCALATED') OR (status IN ('FORWARDED', 'SIGNED') AND "answeredAt" IS NULL AND "dueAt" < $1)`,
        now,
      );
      if (xs.length === 0) return null;
      const item = pickItem(xs);
      const input = { requestId: item.id, version: versionOf(item), explanation: "已协调解决" };
      return attempt("closeOut", describeItem(item), () => closeOutRequest(prisma, pick(financeActors), input, { now }), item);
    },
  },
  // The deadline scan at the run's clock: escalations, bulletin flags, auto-close of unrated answers.
  scan: {
    weight: 5,
    run: async () =>
      attempt("scan", "", async () => {
        const r = await scanDeadlines(prisma, { now });
        for (const k of Object.keys(scanTotals) as (keyof typeof scanTotals)[]) scanTotals[k] += r[k];
        for (const k of Object.keys(parkTotals) as (keyof typeof parkTotals)[]) parkTotals[k] += r.park[k];
        log.push(`   scan: ${JSON.stringify(r)}`);
      }),
  },
  // A holiday on a coming weekday (or a worked weekend day) moves the open deadlines whose
  // window holds it; later the day is removed again. The calendar mutations recompute with
  // the real clock (their ledger entries carry today's time), which the read models ignore:
  // they only read ANSWER, RATE and WITHDRAW entries.
  calendar: {
    weight: 2,
    run: async () => {
      if (addedDays.length > 0 && chance(0.5)) {
        const date = addedDays.splice(Math.floor(rng() * addedDays.length), 1)[0]!;
        return attempt("calendar", `remove ${date}`, async () => {
          calendarDueChanged += (await removeCalendarDay(prisma, financeAdmin, { date }, META)).recompute.dueChanged;
        });
      }
      const existing = new Set((await sql<{ d: string }>(`SELECT to_char(date, 'YYYY-MM-DD') AS d FROM "CalendarDay"`)).map((r) => r.d));
      const days = Array.from({ length: 8 }, (_, i) => shanghaiDateString(new Date(now.getTime() + (i + 1) * 86_400_000))).filter(
        (d) => !existing.has(d),
      );
      if (days.length === 0) return null;
      const date = pick(days);
      const kind = isWeekendIso(date) ? CalendarDayKind.WORKDAY : CalendarDayKind.HOLIDAY;
      const ok = await attempt("calendar", `add ${kind} ${date}`, async () => {
        const r = await addCalendarDay(prisma, financeAdmin, { date, kind, name: "测试调整日" }, META);
        calendarDueChanged += r.recompute.dueChanged;
        log.push(`   recompute: ${JSON.stringify({ candidates: r.recompute.candidates, dueChanged: r.recompute.dueChanged })}`);
      });
      if (ok) addedDays.push(date);
      return ok;
    },
  },
};

/** The step kind a label belongs to, and the variant to force ("answer:GRANTED" → answer, GRANTED). */
function stepOf(label: string): [string, string | undefined] {
  const [kind, variant] = label.split(":");
  return [kind!, variant];
}

async function expectConsistent(where: string): Promise<void> {
  const mismatches: TReadModelMismatch[] = await recountReadModels(prisma);
  const since = log.slice(logAtLastCheck).join("\n");
  logAtLastCheck = log.length;
  expect(mismatches, `read models differ from the rows ${where} (seed ${SEED}); steps since the last clean recount:\n${since}`).toEqual([]);
}

/** The quarter (of Shanghai time) an instant falls in. */
function quarterOf(d: Date): TQuarterWindow {
  const [y, m] = shanghaiDateString(d).split("-").map(Number) as [number, number];
  return quarterWindow(y, (Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4);
}

const quarterStartOf = (w: TQuarterWindow) => `${w.year}-${String((w.quarter - 1) * 3 + 1).padStart(2, "0")}-01`;

// ── the tests ──

beforeAll(async () => {
  console.info(`read-models consistency: seed ${SEED} (replay with READ_MODELS_SEED=${SEED}), recount every ${CHECK_EVERY} steps`);
  db = await openSeededDatabase("read_models");
  ({ prisma, programId } = db);
  // The demo key lists (filled from a tag in one statement, handed over, contacted) go through the KeyListTally triggers.
  await seedDemoKeyLists(prisma, SEED_REFERENCE_DATE);
  await loadPeople();
}, 180_000);

afterAll(async () => {
  await db?.close();
});

describe("read models kept by triggers", () => {
  it("agree with the rows right after the seed (its bulk inserts went through the triggers)", async () => {
    expect(await count(`SELECT count(*) AS n FROM "RequestStatusTally" WHERE n <> 0`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM "Request" WHERE "firstAnsweredAt" IS NOT NULL`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM "KeyListTally" WHERE members <> 0`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM "QuestionnaireTally" WHERE responses <> 0`)).toBeGreaterThan(0);
    await expectConsistent("after the seed");
  });

  it("keep the key-list coverage, the questionnaire answers and the loans by year through their own steps", async () => {
    // Questionnaire answers: three enterprises that have not answered the open questionnaire yet.
    const at = new Date("2026-11-27T11:00:00+08:00");
    const [open] = await sql<{ id: string }>(`SELECT id::text FROM "Questionnaire" WHERE status = 'OPEN' ORDER BY "createdAt" LIMIT 1`);
    const waiting = await sql<{ id: string }>(
      `SELECT e.id::text FROM "Enterprise" e JOIN "Organization" o ON o.id = e."orgId"
        WHERE e."registrationStatus" = 'APPROVED' AND o.active
          AND NOT EXISTS (SELECT 1 FROM "QuestionnaireResponse" r WHERE r."questionnaireId" = $1::uuid AND r."enterpriseId" = e.id)
        ORDER BY e.id`,
      open!.id,
    );
    const answering = waiting
      .map((e) => enterpriseOwner(e.id))
      .filter((u): u is TActorSource => u !== null)
      .slice(0, 3);
    expect(answering).toHaveLength(3);
    const answersBefore = await count(
      `SELECT coalesce(sum(responses), 0) AS n FROM "QuestionnaireTally" WHERE "questionnaireId" = $1::uuid`,
      open!.id,
    );
    for (const [i, owner] of answering.entries())
      await answerQuestionnaire(prisma, owner, { questionnaireId: open!.id, answers: { q1: "是", q3: 3 + i } }, { now: at });
    expect(
      await count(`SELECT coalesce(sum(responses), 0) AS n FROM "QuestionnaireTally" WHERE "questionnaireId" = $1::uuid`, open!.id),
    ).toBe(answersBefore + 3);
    await expectConsistent("after three questionnaire answers");

    // Key-list coverage: contacts change a member's outcome, a reassignment moves it to another bank.
    const members = await sql<{ id: string; bankOrgId: string; lastOutcome: string | null }>(
      `SELECT m.id::text, m."bankOrgId"::text AS "bankOrgId", m."lastOutcome"::text AS "lastOutcome"
         FROM "KeyListMember" m JOIN "KeyList" l ON l.id = m."listId"
        WHERE l.status = 'ASSIGNED' AND m."bankOrgId" IS NOT NULL ORDER BY m.id`,
    );
    const liaisonOf = (bankOrgId: string) =>
      (usersByOrg.get(bankOrgId) ?? []).find((u) => u.role === Role.BANK_LIAISON || u.role === Role.BANK_MANAGER) ?? null;
    const contactable = members.filter((m) => liaisonOf(m.bankOrgId) !== null).slice(0, 2);
    expect(contactable).toHaveLength(2);
    for (const [i, m] of contactable.entries()) {
      const outcome = m.lastOutcome === "CREDIT_GRANTED" ? "NO_NEED" : "CREDIT_GRANTED";
      const input = ZRecordKeyContact.parse({
        memberId: m.id,
        contactedOn: `2026-11-2${5 + i}`,
        way: "PHONE",
        outcome,
        ...(outcome === "CREDIT_GRANTED" ? { creditAmount: "100" } : {}),
      });
      await recordKeyContact(prisma, liaisonOf(m.bankOrgId)!, input, { now: at });
    }
    const moved = contactable[0]!;
    const elsewhere = activeBanks.find((b) => b !== moved.bankOrgId && bankParent.get(b) === null)!;
    await reassignKeyMember(prisma, financeAdmin, { memberId: moved.id, bankOrgId: elsewhere });
    await expectConsistent("after key-list contacts and a reassignment");

    // A loan recorded outside a request counts in its year; its cancellation takes it out again.
    const yearOf = async () =>
      (await sql<{ granted: number; amountFen: bigint }>(`SELECT granted, "amountFen" FROM "LoanYearTally" WHERE year = 2026`))[0] ?? {
        granted: 0,
        amountFen: 0n,
      };
    const before = await yearOf();
    const [borrower] = await sql<{ id: string }>(
      `SELECT e.id::text FROM "Enterprise" e WHERE e."registrationStatus" = 'APPROVED' ORDER BY e.id LIMIT 1`,
    );
    const input = ZRecordLoan.parse({
      enterpriseId: borrower!.id,
      amountFen: "300",
      termMonths: "12",
      annualRate: "4.35",
      product: "流动资金贷款",
      secured: "credit",
      guarantee: "",
      disbursedOn: "2026-11-20",
      maturesOn: "",
    });
    const { loanId } = await recordLoan(prisma, liaison, input, { now: at });
    const recorded = await yearOf();
    expect(recorded.granted).toBe(before.granted + 1);
    expect(BigInt(recorded.amountFen)).toBe(BigInt(before.amountFen) + BigInt(input.amountFen));
    await expectConsistent("after a loan recorded outside a request");
    await cancelLoan(prisma, liaison, { loanId, reason: "金额录入错误" }, { now: at });
    expect(await yearOf()).toEqual(before);
    await expectConsistent("after the loan's cancellation");
  });

  it("agree with the rows throughout a random sequence of workflow steps", async () => {
    const started = Date.now();
    const kinds = Object.keys(STEPS);
    const total = kinds.reduce((s, k) => s + STEPS[k]!.weight, 0);
    const drawKind = () => {
      let x = rng() * total;
      for (const k of kinds) if ((x -= STEPS[k]!.weight) < 0) return k;
      return kinds.at(-1)!;
    };
    // One step may be two domain calls (a submit through a draft): check at every multiple passed.
    const runChecked = async (kind: string, variant?: string) => {
      const before = attempts;
      const done = await STEPS[kind]!.run(variant);
      for (let a = before + 1; a <= attempts; a++) if (a % CHECK_EVERY === 0) await expectConsistent(`after step #${stepNo}`);
      return done;
    };

    let parkCovered = false;
    // The random phase: a kind by weight; with no item in a state that allows it, another kind.
    while (attempts < RANDOM_STEPS) {
      advance();
      // Coverage of the park's review clock, halfway through (while new items can still be
      // submitted under the seed's program year): when no waiting item has escalated yet, one
      // is submitted and left past its park deadline, then scanned, whatever the seed drew (a
      // run may forward or return every waiting item before its deadline).
      if (!parkCovered && now.getTime() >= START.getTime() + SPAN_MS / 2) {
        parkCovered = true;
        if (parkTotals.escalated === 0) {
          for (let tries = 0; tries < 8; tries++) {
            if ((await count(`SELECT count(*) AS n FROM "Request" WHERE status = 'SUBMITTED'`)) > 0) break;
            await runChecked("submit");
          }
          now = new Date(now.getTime() + 14 * 86_400_000);
          await runChecked("scan");
        }
      }
      for (let tries = 0; tries < 20; tries++) {
        const kind = drawKind();
        if ((await runChecked(kind)) !== null) break;
        bump(skipped, kind);
      }
    }

    // Coverage: every required kind succeeds at least once, whatever the seed drew.
    for (const label of REQUIRED) {
      const [kind, variant] = stepOf(label);
      for (let tries = 0; tries < 12 && !succeeded.get(label); tries++) {
        advance();
        if (
          label === "ruleOnDispute" &&
          (await count(`SELECT count(*) AS n FROM "Request" WHERE status = 'RETURNED' AND "returnDisputedAt" IS NOT NULL`)) === 0
        ) {
          // Nothing disputed right now: make a return and a dispute first.
          if ((await count(`SELECT count(*) AS n FROM "Request" WHERE status = 'RETURNED' AND "returnDisputeNote" IS NULL`)) === 0)
            await runChecked("return");
          await runChecked("disputeReturn");
          advance();
        }
        if (
          label === "supplyDocuments" &&
          (await count(`SELECT count(*) AS n FROM "Request" WHERE status = 'ANSWERED' AND "answerKind" = 'NEEDS_DOCUMENTS'`)) === 0
        ) {
          // Nothing waits for documents right now: a bank asks for some first.
          await runChecked("answer", AnswerKind.NEEDS_DOCUMENTS);
          advance();
        }
        await runChecked(kind, variant);
      }
    }
    // Coverage of the recompute: a calendar change that moves an open deadline, whatever the
    // seed drew (a single change may fall outside every open item's window).
    for (let tries = 0; tries < 12 && calendarDueChanged === 0; tries++) {
      advance();
      await runChecked("calendar");
    }
    await expectConsistent(`at the end (step #${stepNo})`);

    const ok = [...succeeded.values()].reduce((a, b) => a + b, 0);
    const no = [...refused.entries()].filter(([k]) => !k.includes("(")).reduce((a, [, b]) => a + b, 0);
    const table = [...new Set([...succeeded.keys(), ...refused.keys(), ...skipped.keys()])]
      .sort()
      .map(
        (k) =>
          `  ${k.padEnd(40)} ok ${String(succeeded.get(k) ?? 0).padStart(3)}  refused ${String(refused.get(k) ?? 0).padStart(3)}  no candidate ${skipped.get(k) ?? 0}`,
      );
    console.info(
      [
        `read-models consistency: seed ${SEED}, ${attempts} domain calls (${ok} succeeded, ${no} refused), clock ${START.toISOString()} → ${now.toISOString()}, ${((Date.now() - started) / 1000).toFixed(1)}s`,
        ...table,
        `  scan totals ${JSON.stringify(scanTotals)}, park reviews ${JSON.stringify(parkTotals)}; calendar changes moved ${calendarDueChanged} deadlines`,
      ].join("\n"),
    );

    expect(attempts).toBeGreaterThanOrEqual(150);
    expect(ok).toBeGreaterThanOrEqual(100);
    expect(ok).toBeGreaterThan(no);
    for (const label of REQUIRED) expect([label, succeeded.get(label) ?? 0]).not.toEqual([label, 0]);
    expect(scanTotals.escalated).toBeGreaterThan(0);
    expect(scanTotals.autoClosed).toBeGreaterThan(0);
    expect(calendarDueChanged).toBeGreaterThan(0);
    // Park reviews: the seed's waiting items escalate; each escalation has one ledger entry,
    // never two for the same deadline, and every item still waiting has its deadline.
    expect(parkTotals.escalated).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM "LedgerEntry" WHERE action = 'PARK_REVIEW_ESCALATE'`)).toBe(parkTotals.escalated);
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT 1 FROM "LedgerEntry" WHERE action = 'PARK_REVIEW_ESCALATE'
          GROUP BY "requestId", content->>'parkDueAt' HAVING count(*) > 1) twice`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Request" WHERE status = 'SUBMITTED' AND "parkDueAt" IS NULL`)).toBe(0);
  }, 120_000);

  it("give the dashboards the numbers a direct count gives, at the end of the run", async () => {
    // Inbox bands over a bank's coverage, against "Request" itself: the demo liaison's
    // (a sub-branch: the run may have left it nothing running) and the liaison of the head
    // bank with the most running items (so the comparison always has something to count).
    const coverageOf = async (user: TActorSource) => bankCoverage(actorOf(user), (await loadScopeContext(prisma, user)).bankOrgIds);
    const banks = await coverageOf(liaison);
    expect(banks.length).toBeGreaterThan(0);
    const [busiest] = await sql<{ id: string }>(
      `WITH RECURSIVE heads(id, head) AS (
         SELECT id, id FROM "Organization" WHERE kind = 'BANK' AND "parentId" IS NULL
         UNION ALL SELECT o.id, h.head FROM "Organization" o JOIN heads h ON o."parentId" = h.id)
       SELECT h.head::text AS id FROM "Request" r JOIN heads h ON h.id = r."assignedBankId"
        WHERE r.status IN ('FORWARDED', 'SIGNED', 'ESCALATED') AND r."answeredAt" IS NULL
        GROUP BY h.head ORDER BY count(*) DESC, h.head LIMIT 1`,
    );
    const headLiaison = (usersByOrg.get(busiest!.id) ?? []).find((u) => u.role === Role.BANK_LIAISON || u.role === Role.BANK_MANAGER)!;
    const headBanks = await coverageOf(headLiaison);
    const endOfToday = endOfShanghaiDay(shanghaiDateString(now));
    const running = `r.status IN ('FORWARDED', 'SIGNED', 'ESCALATED') AND r."answeredAt" IS NULL`;
    const direct = async (bankIds: string[] | null) => {
      const inBanks = `($1::uuid[] IS NULL OR r."assignedBankId" = ANY($1::uuid[]))`;
      return {
        total: await count(`SELECT count(*) AS n FROM "Request" r WHERE ${running} AND ${inBanks}`, bankIds),
        overdue: await count(`SELECT count(*) AS n FROM "Request" r WHERE ${running} AND ${inBanks} AND r."dueAt" < $2`, bankIds, now),
        dueToday: await count(
          `SELECT count(*) AS n FROM "Request" r WHERE ${running} AND ${inBanks} AND r."dueAt" >= $2 AND r."dueAt" <= $3`,
          bankIds,
          now,
          endOfToday,
        ),
      };
    };
    expect(await countDeadlineBands(prisma, { statuses: RUNNING, unanswered: true, bankIds: banks }, now, endOfToday)).toEqual(
      await direct(banks),
    );
    const head = await direct(headBanks);
    expect(head.total).toBeGreaterThan(0);
    expect(await countDeadlineBands(prisma, { statuses: RUNNING, unanswered: true, bankIds: headBanks }, now, endOfToday)).toEqual(head);
    expect(await countDeadlineBands(prisma, { statuses: RUNNING, unanswered: true }, now, endOfToday)).toEqual(await direct(null));
    expect(await countUnderSupervision(prisma, now)).toBe(
      await count(
        `SELECT count(*) AS n FROM "Request" r WHERE r.status = 'ESCALATED' OR (${running} AND (r."dueAt" < $1 OR r."escalationReason" = 'PASSED'))`,
        now,
      ),
    );

    // A quarter's reply and satisfaction counts at the run's clock (as the dashboards read
    // them: every answer and rating up to now), city-wide and for the liaison's banks: the
    // current quarter and the two before it, all changed by this run's steps.
    const previous = (w: TQuarterWindow) => quarterOf(new Date(w.start.getTime() - 1));
    const current = quarterOf(now);
    const windows = [current, previous(current), previous(previous(current))];
    let received = 0;
    for (const w of windows) {
      for (const bankOrgIds of [null, banks, headBanks]) {
        const stored = ratesOf(
          await readQuarterRateCounts(prisma, { programId, quarterStart: quarterStartOf(w), cutoff: now, bankOrgIds }),
        );
        const expected = await expectedQuarterRates(prisma, { programId, window: w, cutoff: now, bankIds: bankOrgIds });
        const label = `${w.year}Q${w.quarter} ${bankOrgIds === null ? "city-wide" : bankOrgIds === banks ? "demo liaison's banks" : "busiest head bank"}`;
        expect([label, stored]).toEqual([label, expected]);
        if (bankOrgIds === null) received += expected.received;
      }
    }
    expect(received).toBeGreaterThan(0);
  });

  it("report a tally corrupted on purpose, and are repaired by the rebuild", async () => {
    // As the database owner (the test's connection): one status tally row one too high.
    const [row] = await sql<{ programId: string; parkId: string; bankKey: string; status: string }>(
      `SELECT "programId"::text AS "programId", "parkId"::text AS "parkId", "bankKey"::text AS "bankKey", status::text AS status
         FROM "RequestStatusTally" WHERE n > 0 ORDER BY "programId", "parkId", "bankKey", status LIMIT 1`,
    );
    await prisma.$executeRawUnsafe(
      `UPDATE "RequestStatusTally" SET n = n + 1 WHERE "programId" = $1::uuid AND "parkId" = $2::uuid AND "bankKey" = $3::uuid AND status = $4::"RequestStatus"`,
      row!.programId,
      row!.parkId,
      row!.bankKey,
      row!.status,
    );
    const found = await recountReadModels(prisma);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      model: "RequestStatusTally",
      key: [row!.programId, row!.parkId, row!.bankKey, row!.status].join("|"),
    });
    expect(Number(found[0]!.stored)).toBe(Number(found[0]!.expected) + 1);

    // A wrong ledger fact on one item: the rebuild says it corrected one item.
    const [item] = await sql<{ id: string }>(`SELECT id::text FROM "Request" WHERE "lastRating" IS NOT NULL ORDER BY serial LIMIT 1`);
    await prisma.$executeRawUnsafe(`UPDATE "Request" SET "lastRating" = NULL WHERE id = $1::uuid`, item!.id);
    expect((await recountReadModels(prisma)).map((m) => m.model)).toContain("Request facts");

    // The key-list coverage, the questionnaire answers and the loans by year: one row off each.
    await prisma.$executeRawUnsafe(
      `UPDATE "KeyListTally" SET connected = connected + 1 WHERE ("listId", "bankKey") = (SELECT "listId", "bankKey" FROM "KeyListTally" ORDER BY 1, 2 LIMIT 1)`,
    );
    await prisma.$executeRawUnsafe(
      `UPDATE "QuestionnaireTally" SET satisfied = satisfied - 1
        WHERE ("questionnaireId", "bankKey") = (SELECT "questionnaireId", "bankKey" FROM "QuestionnaireTally" WHERE satisfied > 0 ORDER BY 1, 2 LIMIT 1)`,
    );
    await prisma.$executeRawUnsafe(`UPDATE "LoanYearTally" SET granted = granted + 1 WHERE year = (SELECT min(year) FROM "LoanYearTally")`);
    const differing = (await recountReadModels(prisma)).map((m) => m.model);
    for (const model of ["RequestStatusTally", "Request facts", "KeyListTally", "QuestionnaireTally", "LoanYearTally"])
      expect(differing).toContain(model);

    expect(await rebuildReadModels(prisma)).toBe(1);
    expect(await recountReadModels(prisma)).toEqual([]);
  });
});
