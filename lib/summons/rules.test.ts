import { describe, expect, it } from "vitest";
import { OrgKind, Role, SummonsStatus } from "@/lib/generated/prisma/enums";
import { canSummonsStep, isSummonsOverdue, SUMMONS_STEP_NAMES, SUMMONS_STEPS } from "./rules";
import { mayTakeSummonsStep, summonsScope } from "./scopes";

const actor = (role: Role, orgKind: OrgKind, orgId = "bank-a") => ({ userId: "u", role, orgId, orgKind });

describe("the summons step table", () => {
  it("runs the loop plan → review → completion → review, refiling after a return", () => {
    const after = (status: SummonsStatus) => SUMMONS_STEP_NAMES.filter((s) => canSummonsStep(s, { status, cosigned: true }));
    expect(after(SummonsStatus.AWAITING_PLAN)).toEqual(["filePlan"]);
    expect(after(SummonsStatus.PLAN_SUBMITTED)).toEqual(["acceptPlan", "returnPlan"]);
    expect(after(SummonsStatus.PLAN_RETURNED)).toEqual(["filePlan"]);
    expect(after(SummonsStatus.IN_RECTIFICATION)).toEqual(["fileCompletion"]);
    expect(after(SummonsStatus.COMPLETION_SUBMITTED)).toEqual(["acceptCompletion", "returnCompletion"]);
    expect(after(SummonsStatus.COMPLETION_RETURNED)).toEqual(["fileCompletion"]);
    expect(after(SummonsStatus.COMPLETED)).toEqual([]);
    expect(SUMMONS_STEPS.acceptCompletion.to).toBe(SummonsStatus.COMPLETED);
  });

  it("lets the central bank co-sign once, while the record is open", () => {
    expect(canSummonsStep("cosign", { status: SummonsStatus.IN_RECTIFICATION, cosigned: false })).toBe(true);
    expect(canSummonsStep("cosign", { status: SummonsStatus.IN_RECTIFICATION, cosigned: true })).toBe(false);
    expect(canSummonsStep("cosign", { status: SummonsStatus.COMPLETED, cosigned: false })).toBe(false);
  });

  it("gives the bank's steps to the summoned bank only, the reviews to the finance office, co-signing to the central bank", () => {
    const bank = actor(Role.BANK_LIAISON, OrgKind.BANK);
    const otherBank = actor(Role.BANK_MANAGER, OrgKind.BANK, "bank-b");
    const office = actor(Role.FINANCE_STAFF, OrgKind.FINANCE_OFFICE, "fo");
    const pbc = actor(Role.CENTRAL_BANK_STAFF, OrgKind.CENTRAL_BANK, "pbc");
    const who = (step: (typeof SUMMONS_STEP_NAMES)[number]) =>
      Object.entries({ bank, otherBank, office, pbc })
        .filter(([, a]) => mayTakeSummonsStep(a, step, "bank-a"))
        .map(([k]) => k);
    expect(who("filePlan")).toEqual(["bank"]);
    expect(who("fileCompletion")).toEqual(["bank"]);
    expect(who("acceptPlan")).toEqual(["office"]);
    expect(who("returnCompletion")).toEqual(["office"]);
    expect(who("cosign")).toEqual(["pbc"]);
    expect(summonsScope(otherBank)).toEqual({ bankOrgId: "bank-b" });
    expect(summonsScope(actor(Role.PARK_STAFF, OrgKind.PARK, "p"))).toEqual({ id: { in: [] } });
  });

  it("calls a summons overdue once its first deadline's day has passed without an accepted completion", () => {
    const dueOn = new Date("2026-11-05T00:00:00Z");
    expect(isSummonsOverdue({ status: SummonsStatus.IN_RECTIFICATION, dueOn }, "2026-11-05")).toBe(false);
    expect(isSummonsOverdue({ status: SummonsStatus.IN_RECTIFICATION, dueOn }, "2026-11-06")).toBe(true);
    expect(isSummonsOverdue({ status: SummonsStatus.COMPLETED, dueOn }, "2027-01-01")).toBe(false);
  });
});
