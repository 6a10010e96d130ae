import { describe, expect, it } from "vitest";
import { makeItemsSnapshot, readItemsSnapshot, summarizeItem, totalsOf, type TItemFacts, type TLedgerFact } from "./items-summary";
import { quarterBounds } from "./quarter";

const at = (local: string) => new Date(`${local}+08:00`);
const BANK = "bank-main";
const BRANCH = "bank-branch";
const OTHER = "bank-other";
const banks = new Set([BANK, BRANCH]);
const q3 = quarterBounds({ year: 2026, quarter: 3 });
const NOW = at("2026-11-27T09:00:00");

const forward = (when: string, primary: string, dueAt: string, copies: string[] = []): TLedgerFact => ({
  action: "FORWARD",
  occurredAt: at(when),
  toStatus: "FORWARDED",
  actorOrgId: "park",
  content: { primaryBankOrgId: primary, copyBankOrgIds: copies, dueAt: at(dueAt).toISOString() },
});
const answer = (when: string, bank: string, onTime?: boolean, kind = "CAN_DO"): TLedgerFact => ({
  action: "ANSWER",
  occurredAt: at(when),
  toStatus: "ANSWERED",
  actorOrgId: bank,
  content: { answerKind: kind, bankOrgId: bank, ...(onTime === undefined ? {} : { onTime }) },
});
const closing = (when: string, action = "RATE"): TLedgerFact => ({
  action,
  occurredAt: at(when),
  toStatus: action === "WITHDRAW" ? "WITHDRAWN" : "CLOSED",
  actorOrgId: "ent",
  content: {},
});
const pass = (when: string, from: string, to: string, dueAt: string): TLedgerFact => ({
  action: "PASS",
  occurredAt: at(when),
  toStatus: "FORWARDED",
  actorOrgId: from,
  content: { fromBankOrgId: from, toBankOrgId: to, dueAt: at(dueAt).toISOString() },
});
const item = (ledger: TLedgerFact[], over: Partial<TItemFacts> = {}): TItemFacts => ({
  id: "r1",
  serial: "RQ2026-000001",
  title: "流动资金",
  type: "FINANCING",
  status: "CLOSED",
  enterpriseName: "企业",
  rating: "SATISFIED",
  escalatedAt: null,
  ledger,
  ...over,
});

describe("which items are the bank's items of the quarter", () => {
  it("takes an item forwarded to a branch during the quarter, with its first answer, kind, on-time flag and rating", () => {
    const line = summarizeItem(
      item([
        forward("2026-08-03T10:00:00", BRANCH, "2026-08-10T23:59:59.999"),
        answer("2026-08-05T15:00:00", BRANCH, true, "GRANTED"),
        closing("2026-08-07T09:00:00"),
      ]),
      banks,
      q3,
      NOW,
    );
    expect(line).toMatchObject({
      receivedAt: at("2026-08-03T10:00:00").toISOString(),
      carriedOver: false,
      firstAnswerAt: at("2026-08-05T15:00:00").toISOString(),
      answerKind: "GRANTED",
      onTime: true,
      rating: "SATISFIED",
      dueAt: at("2026-08-10T23:59:59.999").toISOString(),
    });
  });
  it("leaves out items received before or after the quarter, and those only copied to the bank", () => {
    expect(summarizeItem(item([forward("2026-10-01T00:00:00", BANK, "2026-10-15T23:59:59")]), banks, q3, NOW)).toBeNull();
    expect(summarizeItem(item([forward("2026-08-01T10:00:00", OTHER, "2026-08-08T23:59:59", [BANK])]), banks, q3, NOW)).toBeNull();
    expect(
      summarizeItem(item([forward("2026-06-10T10:00:00", BANK, "2026-06-17T23:59:59"), closing("2026-06-20T10:00:00")]), banks, q3, NOW),
    ).toBeNull();
  });
  it("carries over an item received earlier and still open when the quarter began", () => {
    const line = summarizeItem(
      item([forward("2026-06-29T10:00:00", BANK, "2026-07-06T23:59:59.999"), answer("2026-07-08T10:00:00", BANK)], {
        status: "ANSWERED",
        rating: null,
      }),
      banks,
      q3,
      NOW,
    );
    // No recorded onTime: judged against the due date (answered after it).
    expect(line).toMatchObject({ carriedOver: true, onTime: false });
  });
  it("does not carry over an item the bank had passed on before the quarter", () => {
    const ledger = [
      forward("2026-06-01T10:00:00", BANK, "2026-06-08T23:59:59"),
      pass("2026-06-02T10:00:00", BANK, OTHER, "2026-06-09T23:59:59"),
    ];
    expect(summarizeItem(item(ledger, { status: "FORWARDED" }), banks, q3, NOW)).toBeNull();
  });
  it("takes an item passed to the bank in the quarter, counting from the pass", () => {
    const ledger = [
      forward("2026-07-01T10:00:00", OTHER, "2026-07-08T23:59:59"),
      pass("2026-07-02T10:00:00", OTHER, BANK, "2026-07-09T23:59:59.999"),
      answer("2026-07-03T10:00:00", BANK, true),
    ];
    expect(summarizeItem(item(ledger), banks, q3, NOW)).toMatchObject({
      receivedAt: at("2026-07-02T10:00:00").toISOString(),
      onTime: true,
    });
  });
  it("ignores another bank's answer, and is overdue (false) without an answer after the due date, open (null) before", () => {
    const ledger = [forward("2026-09-28T10:00:00", BANK, "2026-10-12T23:59:59.999"), answer("2026-09-29T10:00:00", OTHER, true)];
    expect(summarizeItem(item(ledger, { status: "FORWARDED", rating: null }), banks, q3, NOW)).toMatchObject({
      firstAnswerAt: null,
      onTime: false,
    });
    expect(summarizeItem(item(ledger, { status: "FORWARDED", rating: null }), banks, q3, at("2026-10-09T10:00:00"))).toMatchObject({
      onTime: null,
    });
  });
});

describe("totals and the snapshot", () => {
  it("counts lines and keeps them in a JSON-safe snapshot that reads back the same", () => {
    const a = summarizeItem(
      item([forward("2026-08-03T10:00:00", BANK, "2026-08-10T23:59:59"), answer("2026-08-04T10:00:00", BANK, true)]),
      banks,
      q3,
      NOW,
    )!;
    const b = summarizeItem(
      item([forward("2026-06-29T10:00:00", BANK, "2026-07-06T23:59:59")], {
        id: "r2",
        status: "FORWARDED",
        rating: null,
        escalatedAt: NOW,
      }),
      banks,
      q3,
      NOW,
    )!;
    expect(totalsOf([a, b])).toMatchObject({
      items: 2,
      received: 1,
      carriedOver: 1,
      answered: 1,
      answeredOnTime: 1,
      late: 1,
      pending: 0,
      satisfied: 1,
      escalated: 1,
    });
    const snapshot = makeItemsSnapshot([a, b], NOW);
    expect(readItemsSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });
  it("reads a summary-only snapshot and refuses garbage", () => {
    expect(readItemsSnapshot({ version: 1, computedAt: "2026-04-10T02:00:00.000Z", totals: null, items: null, source: "seed" })).toEqual({
      version: 1,
      computedAt: "2026-04-10T02:00:00.000Z",
      totals: null,
      items: null,
    });
    expect(readItemsSnapshot(null)).toBeNull();
    expect(readItemsSnapshot({ version: 2 })).toBeNull();
  });
});
