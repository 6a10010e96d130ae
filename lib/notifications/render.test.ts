import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/notifications.json";
import zh from "@/lib/i18n/messages/zh-CN/notifications.json";
import { fillMessage, paramsOf, renderNotification } from "./render";

describe("notification texts", () => {
  const params = { serial: "RQ2026-000123", title: "流动资金贷款", dueAt: "2026-10-12T15:59:59.999Z" };

  it("renders a kind in each language, dates in Shanghai", () => {
    expect(renderNotification("request.red", params, "zh-CN")).toEqual({
      title: "事项已逾期：RQ2026-000123",
      body: "「流动资金贷款」的答复期限2026年10月12日已过，请尽快办理。",
    });
    expect(renderNotification("request.red", params, "en")?.body).toBe("The deadline of “流动资金贷款” (2026-10-12) has passed.");
  });

  it("translates a known escalation reason and shows calendar days as dates", () => {
    expect(renderNotification("request.escalated", { serial: "S", title: "T", reason: "OVERDUE" }, "zh-CN")?.body).toBe(
      "「T」已进入督办（逾期未答复）。",
    );
    expect(renderNotification("request.escalated", { serial: "S", title: "T", reason: "OVERDUE" }, "en")?.body).toContain(
      "(no answer by the deadline)",
    );
    expect(
      renderNotification("loan.renewal", { product: "P", enterprise: "E", amount: "300.00", maturesOn: "2026-12-15" }, "zh-CN")?.body,
    ).toContain("将于2026年12月15日到期");
  });

  it("returns null for an unknown kind and leaves unknown placeholders visible", () => {
    expect(renderNotification("no.such.kind", {}, "zh-CN")).toBeNull();
    expect(fillMessage("{a} {b}", { a: 1 })).toBe("1 {b}");
  });

  it("keeps only string and number params", () => {
    expect(paramsOf({ a: "x", b: 2, c: null, d: { e: 1 } })).toEqual({ a: "x", b: 2 });
    expect(paramsOf(null)).toEqual({});
    expect(paramsOf([1])).toEqual({});
  });

  it("has the same kinds and reasons in both languages", () => {
    const kinds = (m: typeof zh) =>
      Object.entries(m.notifications.kinds)
        .flatMap(([g, names]) => Object.keys(names).map((n) => `${g}.${n}`))
        .sort();
    expect(kinds(en)).toEqual(kinds(zh));
    expect(kinds(zh)).toContain("request.yellow");
    expect(Object.keys(en.notifications.reasons).sort()).toEqual(Object.keys(zh.notifications.reasons).sort());
  });
});
