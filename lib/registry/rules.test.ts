import { describe, expect, it } from "vitest";
import { BankLevel, Role } from "@/lib/generated/prisma/enums";
import {
  divisionInSection,
  editableEnterpriseFields,
  filtersQuery,
  mayBeParentOf,
  orderAsTree,
  parseEnterpriseFilters,
  usccPrefix,
} from "./rules";
import { ZChangeClassInput, ZEnterpriseCreateInput } from "./schemas";

const VALID_USCC = "91350100M000100Y43";

describe("divisionInSection (GB/T 4754-2017)", () => {
  it("places divisions in their sections", () => {
    expect(divisionInSection("C", "13")).toBe(true);
    expect(divisionInSection("C", "43")).toBe(true);
    expect(divisionInSection("C", "44")).toBe(false);
    expect(divisionInSection("K", "70")).toBe(true);
    expect(divisionInSection("T", "97")).toBe(true);
    expect(divisionInSection("A", "1")).toBe(false);
    expect(divisionInSection("Z", "01")).toBe(false);
  });
});

describe("ZEnterpriseCreateInput", () => {
  const base = { uscc: VALID_USCC, name: "云溪测试有限公司", industrySection: "C", size: "SMALL" };
  it("normalizes the USCC, tags and empty optionals", () => {
    const p = ZEnterpriseCreateInput.parse({
      ...base,
      uscc: "9135 0100-m000100y43",
      tags: ["专精特新", "专精特新", " "],
      contactMobile: "",
    });
    expect(p.uscc).toBe(VALID_USCC);
    expect(p.tags).toEqual(["专精特新"]);
    expect(p.contactMobile).toBeNull();
    expect(p.parkId).toBeNull();
  });
  it("explains a wrong USCC and a division outside the section", () => {
    const r = ZEnterpriseCreateInput.safeParse({ ...base, uscc: "91350100M000100Y44", industryDivision: "51" });
    const codes = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(codes).toEqual({ uscc: "usccChecksum", industryDivision: "divisionInvalid" });
  });
});

describe("ZChangeClassInput", () => {
  it("needs a class and a reason of at least 5 characters", () => {
    const id = "7f1c2b3a-1111-4222-8333-444455556666";
    expect(ZChangeClassInput.safeParse({ enterpriseId: id, toClass: "A", reason: "获得首贷授信" }).success).toBe(true);
    const r = ZChangeClassInput.safeParse({ enterpriseId: id, toClass: "D", reason: "短" });
    expect(Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]))).toEqual({
      toClass: "classRequired",
      reason: "reasonTooShort",
    });
  });
});

describe("editableEnterpriseFields", () => {
  it("lets the owner keep its description, the park verify identity and tags, the finance office move parks", () => {
    expect(editableEnterpriseFields(Role.ENTERPRISE_OWNER)).not.toContain("uscc");
    expect(editableEnterpriseFields(Role.ENTERPRISE_OWNER)).not.toContain("tags");
    expect(editableEnterpriseFields(Role.PARK_STAFF)).toContain("tags");
    expect(editableEnterpriseFields(Role.PARK_STAFF)).not.toContain("parkId");
    expect(editableEnterpriseFields(Role.FINANCE_ADMIN)).toContain("parkId");
    expect(editableEnterpriseFields(Role.BANK_MANAGER)).toEqual([]);
  });
});

describe("list filters", () => {
  it("reads known values, ignores the rest, and writes them back", () => {
    const f = parseEnterpriseFilters(new URLSearchParams("q=华锐&section=C&size=HUGE&tag=专精特新&class=B&status=all&park=x"));
    expect(f).toEqual({ q: "华锐", section: "C", size: null, tag: "专精特新", supportClass: "B", status: "all", parkId: null });
    expect(parseEnterpriseFilters({}).status).toBe("active");
    const next = new URLSearchParams(filtersQuery(f, { direction: "after", token: "WzAsIngiXQ" }));
    expect(next.get("after")).toBe("WzAsIngiXQ");
    expect(parseEnterpriseFilters(next)).toEqual(f);
    expect(new URLSearchParams(filtersQuery(f, { direction: "before", token: "abc" })).get("before")).toBe("abc");
    expect(parseEnterpriseFilters(new URLSearchParams(filtersQuery(f)))).toEqual(f);
    expect(new URLSearchParams(filtersQuery(f)).has("after")).toBe(false);
  });
  it("recognizes a USCC prefix but not a name", () => {
    expect(usccPrefix("913501")).toBe("913501");
    expect(usccPrefix("华锐")).toBeNull();
    expect(usccPrefix("ABCDEF")).toBeNull();
  });
});

describe("bank hierarchy", () => {
  it("allows only a higher level as parent", () => {
    expect(mayBeParentOf(BankLevel.HEAD_OFFICE, BankLevel.BRANCH)).toBe(true);
    expect(mayBeParentOf(BankLevel.BRANCH, BankLevel.SUB_BRANCH)).toBe(true);
    expect(mayBeParentOf(BankLevel.SUB_BRANCH, BankLevel.BRANCH)).toBe(false);
    expect(mayBeParentOf(BankLevel.BRANCH, BankLevel.BRANCH)).toBe(false);
    expect(mayBeParentOf(null, BankLevel.BRANCH)).toBe(true);
  });
  it("orders parents before children with depths, orphans as roots", () => {
    const rows = [
      { id: "s1", parentId: "b1", name: "乙支行" },
      { id: "b1", parentId: null, name: "工行云溪分行" },
      { id: "s2", parentId: "b1", name: "甲支行" },
      { id: "o", parentId: "missing", name: "建行" },
    ];
    expect(orderAsTree(rows).map((r) => `${r.id}:${r.depth}`)).toEqual(["b1:0", "s2:1", "s1:1", "o:0"]);
  });
});
