import { describe, expect, it } from "vitest";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { getCnOfficialCalendar } from "@/lib/calendar/cn-official";
import {
  BankLevel,
  CloseReason,
  LedgerAction,
  OrgKind,
  PairingRole,
  RegistrationStatus,
  RequestStatus,
  Role,
  RouteRole,
} from "@/lib/generated/prisma/enums";
import { verifyChain, type TChainedLedgerEntry } from "@/lib/ledger/hash";
import { isValidUscc } from "@/lib/registry/uscc";
import { DEMO_ENTERPRISE_NAME } from "./demo";
import { countRows, generateSeed, generateSeedData, resolveSeedOptions } from "./generate";
import { maxPoints, type TScoringIndicator } from "./scoring";
import { shanghaiInstant } from "./time";
import type { TSeedRows } from "./types";

const REF = "2026-05-20";
const base = resolveSeedOptions({ referenceDate: REF });
const data = generateSeedData(base);

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const ms = (d: Date | string | null | undefined) => (d instanceof Date ? d.getTime() : d == null ? null : Date.parse(d));

/** Invariants every generated data set must satisfy. */
function checkConsistency(rows: TSeedRows, referenceDate: string) {
  const now = shanghaiInstant(referenceDate);
  const cal = getCnOfficialCalendar();

  // Unique keys.
  const ids = TABLE_WITH_UUID.flatMap((t) => (rows[t] as Array<{ id?: string }>).map((r) => r.id));
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(rows.user.map((u) => u.account)).size).toBe(rows.user.length);
  expect(new Set(rows.user.map((u) => u.mobile)).size).toBe(rows.user.length);
  expect(new Set(rows.enterprise.map((e) => e.uscc)).size).toBe(rows.enterprise.length);
  expect(new Set(rows.request.map((r) => r.serial)).size).toBe(rows.request.length);
  for (const e of rows.enterprise) expect(isValidUscc(e.uscc), e.uscc).toBe(true);

  // Foreign keys point to rows that exist.
  const orgIds = new Set(rows.organization.map((o) => o.id));
  const userIds = new Set(rows.user.map((u) => u.id));
  for (const o of rows.organization) if (o.parentId) expect(orgIds.has(o.parentId)).toBe(true);
  for (const u of rows.user) expect(orgIds.has(u.orgId)).toBe(true);

  const ledgerByRequest = groupBy(rows.ledgerEntry, (e) => e.requestId);
  const routesByRequest = groupBy(rows.requestRoute, (r) => r.requestId);
  const loansByRequest = groupBy(rows.loanOutcome, (l) => l.requestId ?? "");
  for (const r of rows.request) {
    const ledger = ledgerByRequest.get(r.id as string) ?? [];
    // Contiguous seq, valid chain, statuses that follow each other.
    expect(verifyChain(ledger as unknown as TChainedLedgerEntry[]), r.serial).toBe(-1);
    let status: string = RequestStatus.DRAFT;
    for (const e of ledger) {
      expect(e.fromStatus, `${r.serial} seq ${e.seq}`).toBe(status);
      status = e.toStatus as string;
      expect(ms(e.occurredAt)!).toBeLessThan(now);
      expect(ms(e.occurredAt)!).toBeGreaterThanOrEqual(ms(r.createdAt)!);
      if (e.actorUserId) expect(userIds.has(e.actorUserId)).toBe(true);
    }
    expect(status, r.serial).toBe(r.status);
    expect(r.version).toBe(ledger.length);
    const times = ledger.map((e) => ms(e.occurredAt)!);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const lastOf = (a: LedgerAction) => [...ledger].reverse().find((e) => e.action === a);
    expect(ms(r.submittedAt)).toBe(ms(lastOf(LedgerAction.SUBMIT)?.occurredAt));
    expect(ms(r.forwardedAt)).toBe(ms(lastOf(LedgerAction.FORWARD)?.occurredAt));
    expect(ms(r.signedAt)).toBe(ms(lastOf(LedgerAction.SIGN)?.occurredAt));
    expect(ms(r.answeredAt)).toBe(ms(lastOf(LedgerAction.ANSWER)?.occurredAt));
    expect(ms(r.escalatedAt)).toBe(ms(lastOf(LedgerAction.ESCALATE)?.occurredAt));
    expect(ms(r.remindedAt)).toBe(ms(lastOf(LedgerAction.REMIND)?.occurredAt));

    // Deadline from the working-day calendar; routes to the main bank and copies.
    const routes = routesByRequest.get(r.id as string) ?? [];
    if (r.forwardedAt) {
      expect(ms(r.dueAt)).toBe(addWorkingDays(r.forwardedAt as Date, 5, cal).getTime());
      const primary = routes.filter((x) => x.role === RouteRole.PRIMARY);
      expect(primary).toHaveLength(1);
      expect(primary[0]!.bankOrgId).toBe(r.assignedBankId);
    } else {
      expect(r.dueAt ?? null).toBeNull();
      expect(routes).toHaveLength(0);
      expect(r.assignedBankId ?? null).toBeNull();
    }

    // Closing facts agree with the status.
    if (r.status === RequestStatus.CLOSED) expect(r.closeReason).toBeTruthy();
    else expect(r.closeReason ?? null).toBeNull();
    if (r.closeReason === CloseReason.RATED) expect(r.rating).toBeTruthy();
    else expect(r.rating ?? null).toBeNull();
    const loans = loansByRequest.get(r.id as string) ?? [];
    if (r.answerKind === "GRANTED") {
      expect(loans).toHaveLength(1);
      const loan = loans[0]!;
      expect(String(loan.annualRate)).toMatch(/^\d\.\d{4}$/);
      expect(typeof loan.amountFen).toBe("bigint");
      expect(loan.amountFen as bigint).toBeLessThanOrEqual(r.amountFen as bigint);
    } else expect(loans).toHaveLength(0);
  }
}

const TABLE_WITH_UUID = [
  "organization",
  "user",
  "program",
  "programPhase",
  "programRuleVersion",
  "scoringRuleSet",
  "park",
  "bankContact",
  "bankProduct",
  "parkBankPairing",
  "parkVisit",
  "quarterlySubmission",
  "quarterlyParkFigure",
  "bankCreditTarget",
  "enterprise",
  "enterpriseClassChange",
  "enterpriseBankPairing",
  "request",
  "requestRoute",
  "loanOutcome",
  "notification",
  "questionnaire",
  "questionnaireResponse",
] as const;

describe("resolveSeedOptions", () => {
  it("defaults to 300 enterprises and today in Shanghai", () => {
    const o = resolveSeedOptions({}, new Date("2026-03-01T17:00:00Z"));
    expect(o).toMatchObject({ enterprises: 300, referenceDate: "2026-03-02" });
  });
  it("refuses nonsense", () => {
    expect(() => resolveSeedOptions({ enterprises: 0 })).toThrow(RangeError);
    expect(() => resolveSeedOptions({ enterprises: 1.5 })).toThrow(RangeError);
    expect(() => resolveSeedOptions({ referenceDate: "2026-02-30" })).toThrow(RangeError);
    expect(() => resolveSeedOptions({ chunkSize: 0 })).toThrow(RangeError);
  });
});

describe("generateSeedData (300 enterprises, reference 2026-05-20)", () => {
  it("is deterministic: the same options give deep-equal rows, another seed does not", () => {
    expect(generateSeedData(base)).toEqual(data);
    const other = generateSeedData({ ...base, seed: "other" });
    expect(other.enterprise[5]!.id).not.toBe(data.enterprise[5]!.id);
  });

  it("does not depend on the chunk size", () => {
    expect(generateSeedData({ ...base, chunkSize: 7 })).toEqual(data);
  });

  it("has the organizations of the program", () => {
    const banks = data.organization.filter((o) => o.kind === OrgKind.BANK);
    const top = banks.filter((o) => !o.parentId);
    expect(top).toHaveLength(12);
    for (const t of top) {
      const subs = banks.filter((b) => b.parentId === t.id);
      expect(subs.length).toBeGreaterThanOrEqual(2);
      expect(subs.length).toBeLessThanOrEqual(3);
      for (const s of subs) expect(s.bankLevel).toBe(BankLevel.SUB_BRANCH);
    }
    expect(data.organization.filter((o) => o.kind === OrgKind.PARK)).toHaveLength(10);
    expect(data.park).toHaveLength(10);
    expect(data.enterprise).toHaveLength(300);
    expect(data.organization.find((o) => o.kind === OrgKind.FINANCE_OFFICE)?.name).toBe("云溪市地方金融管理局");
    expect(data.organization.find((o) => o.kind === OrgKind.CENTRAL_BANK)?.name).toBe("中国人民银行云溪市分行");
    expect(data.program[0]).toMatchObject({ name: "云溪市“两进两促”金融服务实体经济行动", year: 2026 });
    expect(data.programPhase).toHaveLength(3);
  });

  it("pairs every park with 1 main and 2–3 participating banks, and every sub-branch with an enterprise", () => {
    for (const [, pairings] of groupBy(data.parkBankPairing, (p) => p.parkId)) {
      expect(pairings.filter((p) => p.role === PairingRole.MAIN)).toHaveLength(1);
      const n = pairings.filter((p) => p.role === PairingRole.PARTICIPATING).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(3);
    }
    const subIds = data.organization.filter((o) => o.bankLevel === BankLevel.SUB_BRANCH).map((o) => o.id);
    const paired = new Set(data.enterpriseBankPairing.map((p) => p.bankOrgId));
    for (const id of subIds) expect(paired.has(id as string)).toBe(true);
    for (const p of data.enterpriseBankPairing) expect(p.accountManagerName).toBeTruthy();
  });

  it("has a role of every kind and the five demo accounts", () => {
    expect(new Set(data.user.map((u) => u.role))).toEqual(new Set(Object.values(Role)));
    const byAccount = new Map(data.user.map((u) => [u.account, u]));
    const orgName = (id: string) => data.organization.find((o) => o.id === id)!.name;
    expect(byAccount.get("finance.admin")?.role).toBe(Role.FINANCE_ADMIN);
    for (const u of data.user) expect(u.passwordHash ?? null).toBeNull();
    expect(orgName(byAccount.get("finance.admin")!.orgId)).toBe("云溪市地方金融管理局");
    expect(byAccount.get("pbc.staff")?.role).toBe(Role.CENTRAL_BANK_STAFF);
    expect(byAccount.get("bank.liaison")?.role).toBe(Role.BANK_LIAISON);
    expect(byAccount.get("park.window")?.role).toBe(Role.PARK_STAFF);
    expect(byAccount.get("enterprise.owner")?.role).toBe(Role.ENTERPRISE_OWNER);
    for (const u of data.user) expect(u.mobile).toMatch(/^1[3-9]\d{9}$/);
  });

  it("gives the demo enterprise (park no. 1) a request in every status, routed to the demo liaison", () => {
    const owner = data.user.find((u) => u.account === "enterprise.owner")!;
    const ent = data.enterprise.find((e) => e.orgId === owner.orgId)!;
    expect(ent).toMatchObject({ name: DEMO_ENTERPRISE_NAME, registrationStatus: RegistrationStatus.APPROVED, parkId: data.park[0]!.id });
    const requests = data.request.filter((r) => r.enterpriseId === ent.id);
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(Object.values(RequestStatus)));
    expect(new Set(requests.map((r) => r.closeReason).filter(Boolean))).toEqual(new Set(Object.values(CloseReason)));
    const liaison = data.user.find((u) => u.account === "bank.liaison")!;
    const atLiaison = data.request.filter((r) => r.assignedBankId === liaison.orgId);
    expect(new Set(atLiaison.map((r) => r.status)).size).toBeGreaterThanOrEqual(6);
    const windowUser = data.user.find((u) => u.account === "park.window")!;
    expect(windowUser.orgId).toBe(data.park[0]!.orgId);
  });

  it("covers every status, close reason and ledger action a demo needs; some items are overdue", () => {
    expect(new Set(data.request.map((r) => r.status))).toEqual(new Set(Object.values(RequestStatus)));
    const actions = new Set(data.ledgerEntry.map((e) => e.action));
    for (const a of ["SUBMIT", "FORWARD", "RETURN", "SIGN", "ANSWER", "ESCALATE", "REMIND", "RATE", "WITHDRAW", "CLOSE"])
      expect(actions.has(a as LedgerAction)).toBe(true);
    const now = shanghaiInstant(REF);
    expect(
      data.request.filter(
        (r) => r.dueAt && ms(r.dueAt)! < now && (r.status === "FORWARDED" || r.status === "SIGNED" || r.status === "ESCALATED"),
      ).length,
    ).toBeGreaterThan(0);
    expect(data.request.some((r) => r.inBulletin)).toBe(true);
    expect(data.request.length).toBeGreaterThan(300);
    expect(data.request.length).toBeLessThan(600);
  });

  it("keeps every request consistent with its ledger, deadline, routes and loan", () => {
    checkConsistency(data, REF);
  });

  it("spreads enterprises over sections, sizes, tags and classes with history", () => {
    const sections = groupBy(data.enterprise, (e) => e.industrySection);
    expect(sections.get("C")!.length).toBeGreaterThan(100);
    expect(sections.size).toBeGreaterThanOrEqual(7);
    const sizes = groupBy(data.enterprise, (e) => e.size);
    expect(sizes.get("SMALL")!.length + sizes.get("MICRO")!.length).toBeGreaterThan(200);
    const tags = new Set(data.enterprise.flatMap((e) => e.tags as string[]));
    expect(tags).toEqual(new Set(["专精特新", "高新技术企业", "科技型中小企业", "专精特新“小巨人”"]));
    const statuses = new Set(data.enterprise.map((e) => e.registrationStatus));
    expect(statuses).toEqual(new Set(["APPROVED", "PENDING", "REJECTED"]));
    for (const e of data.enterprise) {
      const changes = data.enterpriseClassChange.filter((c) => c.enterpriseId === e.id);
      expect(changes.at(-1)?.toClass ?? null).toBe(e.supportClass ?? null);
    }
    expect(data.enterpriseClassChange.some((c) => c.fromClass === "B" && c.toClass === "A")).toBe(true);
  });

  it("has products, contacts (some filed late), visits, calendar, last quarter's submissions, notifications", () => {
    const kinds = new Set(data.bankProduct.map((p) => p.kind));
    for (const k of ["科技贷", "专精特新贷", "信用贷", "首贷", "无还本续贷"]) expect(kinds.has(k)).toBe(true);
    expect(data.bankContact.some((c) => c.filedLate)).toBe(true);
    expect(data.calendarYear.map((y) => y.year)).toEqual([2025, 2026]);
    expect(data.calendarDay.some((d) => d.kind === "WORKDAY")).toBe(true);
    const q = data.quarterlySubmission;
    expect(q.length).toBeGreaterThanOrEqual(10);
    expect(q.every((s) => s.year === 2026 && s.quarter === 1)).toBe(true);
    expect(new Set(q.map((s) => s.status))).toEqual(new Set(["ACCEPTED", "SUBMITTED", "RETURNED", "DRAFT"]));
    expect(data.quarterlyParkFigure.length).toBeGreaterThan(q.length);
    expect(data.notification.length).toBeGreaterThanOrEqual(2);
    expect(data.parkVisit.length).toBeGreaterThan(0);
  });

  it("has a questionnaire in every state, answered once per enterprise, never by the demo enterprise", () => {
    expect(new Set(data.questionnaire.map((q) => q.status))).toEqual(new Set(["DRAFT", "OPEN", "CLOSED"]));
    const open = data.questionnaire.find((q) => q.status === "OPEN")!;
    expect((open.opensOn as Date).toISOString().slice(0, 10) <= base.referenceDate).toBe(true);
    expect((open.closesOn as Date).toISOString().slice(0, 10) >= base.referenceDate).toBe(true);
    const responses = data.questionnaireResponse;
    expect(responses.filter((r) => r.questionnaireId === open.id).length).toBeGreaterThan(0);
    expect(new Set(responses.map((r) => `${r.questionnaireId}/${r.enterpriseId}`)).size).toBe(responses.length);
    const demo = data.enterprise[0]!.id;
    expect(responses.some((r) => r.enterpriseId === demo)).toBe(false);
    const draft = data.questionnaire.find((q) => q.status === "DRAFT")!;
    expect(responses.some((r) => r.questionnaireId === draft.id)).toBe(false);
  });

  it("has default scoring rules worth 100 points", () => {
    const rules = data.scoringRuleSet[0]!.rules as unknown as TScoringIndicator[];
    expect(rules.reduce((s, r) => s + maxPoints(r.rule), 0)).toBe(100);
    const kinds = new Set(rules.map((r) => r.rule.kind));
    expect(kinds).toEqual(new Set(["threshold", "tiers", "perCount", "proportional"]));
    for (const i of [
      "loanIncrement",
      "loanGrowth",
      "borrowers",
      "replyRate",
      "financingSatisfactionRate",
      "onTimeReplyRate",
      "enterpriseSatisfactionRate",
    ]) {
      expect(rules.some((r) => r.indicator === i)).toBe(true);
    }
  });
});

describe("other sizes and dates", () => {
  it("works with 3 enterprises: all statuses via the demo enterprise, all sub-branches paired", () => {
    const rows = generateSeedData(resolveSeedOptions({ enterprises: 3, referenceDate: REF }));
    expect(new Set(rows.request.map((r) => r.status))).toEqual(new Set(Object.values(RequestStatus)));
    const subIds = rows.organization.filter((o) => o.bankLevel === BankLevel.SUB_BRANCH).map((o) => o.id);
    expect(new Set(rows.enterpriseBankPairing.map((p) => p.bankOrgId))).toEqual(new Set(subIds));
    checkConsistency(rows, REF);
  });

  it("works across the year boundary (reference 2026-01-06: requests from October 2025)", () => {
    const rows = generateSeedData(resolveSeedOptions({ enterprises: 120, referenceDate: "2026-01-06" }));
    expect(new Set(rows.request.map((r) => r.status))).toEqual(new Set(Object.values(RequestStatus)));
    expect(rows.quarterlySubmission.every((s) => s.year === 2025 && s.quarter === 4)).toBe(true);
    checkConsistency(rows, "2026-01-06");
  });

  it("marks deadlines provisional in a year without a published calendar (2027)", () => {
    const rows = generateSeedData(resolveSeedOptions({ enterprises: 60, referenceDate: "2027-03-15" }));
    expect(rows.request.some((r) => r.dueProvisional)).toBe(true);
    checkConsistency(rows, "2027-03-15");
  });

  it("streams chunks: batch sizes stay bounded", () => {
    let maxEnterprises = 0;
    let batches = 0;
    for (const b of generateSeed(resolveSeedOptions({ enterprises: 2500, referenceDate: REF, chunkSize: 1000 }))) {
      batches++;
      maxEnterprises = Math.max(maxEnterprises, b.rows.enterprise.length);
    }
    expect(batches).toBe(4);
    expect(maxEnterprises).toBe(1000);
  });

  it("counts rows per table", () => {
    const c = countRows(data);
    expect(c.enterprise).toBe(300);
    expect(c.ledgerEntry).toBe(data.ledgerEntry.length);
  });
});
