import { describe, expect, it } from "vitest";
import { KeyListStatus, Role } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { ZCreateKeyList, ZRecordKeyContact } from "./schemas";
import { addCoverage, contactedOf, coveragePercent, EMPTY_COVERAGE, KEY_LIST_STEPS, keyListBankFilter, keyListStepAllowed } from "./rules";

const actor = (role: Role): TActor => ({ userId: "u", orgId: "o", role, orgKind: "BANK" });

describe("key-list rules", () => {
  it("allows contacts on a handed-over list only, members added to a draft only, moves until closed", () => {
    expect(KEY_LIST_STEPS.contact).toEqual([KeyListStatus.ASSIGNED]);
    expect(keyListStepAllowed("addMembers", KeyListStatus.DRAFT)).toBe(true);
    expect(keyListStepAllowed("addMembers", KeyListStatus.ASSIGNED)).toBe(false);
    expect(keyListStepAllowed("reassign", KeyListStatus.ASSIGNED)).toBe(true);
    expect(keyListStepAllowed("reassign", KeyListStatus.CLOSED)).toBe(false);
    expect(keyListStepAllowed("close", KeyListStatus.DRAFT)).toBe(false);
  });

  it("gives the offices every bank, a bank its own, parks and enterprises nothing", () => {
    expect(keyListBankFilter(actor(Role.FINANCE_STAFF), [])).toBeNull();
    expect(keyListBankFilter(actor(Role.CENTRAL_BANK_STAFF), [])).toBeNull();
    expect(keyListBankFilter(actor(Role.BANK_LIAISON), ["b1", "b2"])).toEqual(["b1", "b2"]);
    expect(keyListBankFilter(actor(Role.PARK_STAFF), ["b1"])).toEqual([]);
    expect(keyListBankFilter(actor(Role.ENTERPRISE_OWNER), ["b1"])).toEqual([]);
  });

  it("counts every outcome as contacted and rounds the share down", () => {
    const c = addCoverage(EMPTY_COVERAGE, { members: 3, connected: 1, hasNeed: 0, creditGranted: 1, noNeed: 0 });
    expect(contactedOf(c)).toBe(2);
    expect(coveragePercent(c)).toBe(66);
    expect(coveragePercent(EMPTY_COVERAGE)).toBe(0);
  });
});

describe("key-list inputs", () => {
  it("splits a pasted USCC column and needs a tag or codes", () => {
    const parsed = ZCreateKeyList.parse({
      name: "名单",
      year: "2026",
      source: "import",
      usccs: "91430900MA4L000001\r\n９１４３０９００ma4l000002，",
    });
    expect(parsed.usccs).toEqual(["91430900MA4L000001", "91430900MA4L000002"]);
    expect(ZCreateKeyList.safeParse({ name: "名单", year: "2026", source: "tag", tag: "" }).success).toBe(false);
  });

  it("keeps amounts in fen and asks for the credit amount when credit is granted", () => {
    const base = { memberId: "6f1c1f5e-0d3f-4a8e-9a34-2b1b1c1d1e1f", contactedOn: "2026-12-01", way: "PHONE", need: "", note: "" };
    expect(ZRecordKeyContact.parse({ ...base, outcome: "HAS_NEED", needAmount: "12.5" }).needAmountFen).toBe("12500000");
    expect(ZRecordKeyContact.safeParse({ ...base, outcome: "CREDIT_GRANTED", creditAmount: "" }).success).toBe(false);
    expect(ZRecordKeyContact.safeParse({ ...base, outcome: "CREDIT_GRANTED", creditAmount: "1.234" }).success).toBe(false);
  });
});
