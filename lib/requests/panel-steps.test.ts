/**
 * The step table walked whole: for every status × role × fact combination, the steps the
 * detail page's panels offer are exactly the steps the server accepts. The server's side is
 * what runStep checks on an item the user can see — mayTakeStep (the permission, and for a
 * bank's step the responsible bank) and canStep (the item's state). Which items a user sees
 * at all is the scope's, checked on the database (tests/integration/authz-cross-tenant.test.ts).
 */
import { describe, expect, it } from "vitest";
import { areaOfRole } from "@/lib/auth/areas";
import type { TActor } from "@/lib/auth/permissions";
import { bankCoverage } from "@/lib/auth/scopes";
import { AnswerKind, EscalationReason, OrgKind, RequestStatus, Role } from "@/lib/generated/prisma/enums";
import { mayTakeStep } from "@/lib/requests/workflow/step-permissions";
import { STEP_FROM, canStep, type TWorkflowStep } from "@/lib/requests/workflow/transitions";
import { PANEL_STEPS, panelSteps, type TPanel, type TStepItem, type TStepViewer } from "./panel-steps";

const NOW = new Date("2026-10-14T02:00:00Z");
const EARLIER = new Date("2026-10-13T01:00:00Z");
const PAST_DUE = new Date("2026-10-13T15:59:59.999Z");
const FUTURE_DUE = new Date("2026-10-20T15:59:59.999Z");
const ASSIGNED = "bank-assigned";
const PARENT = "bank-parent";
const COPIED = "bank-copied";

const STEPS = Object.keys(STEP_FROM) as TWorkflowStep[];
const PANELS = Object.keys(PANEL_STEPS) as TPanel[];

function viewer(role: Role, orgKind: OrgKind, orgId: string, bankSubtree: string[] = []): TStepViewer {
  const actor: TActor = { userId: `user-${role}-${orgId}`, role, orgId, orgKind };
  return { actor, coveredBankIds: bankCoverage(actor, bankSubtree) };
}

// Everyone who can see an item: the finance office and the central bank branch; the
// assigned bank, its parent bank and a copied bank (manager and liaison); the park window;
// the enterprise (owner and member).
const VIEWERS: Record<string, TStepViewer> = {
  "finance admin": viewer(Role.FINANCE_ADMIN, OrgKind.FINANCE_OFFICE, "finance"),
  "finance staff": viewer(Role.FINANCE_STAFF, OrgKind.FINANCE_OFFICE, "finance"),
  "central bank staff": viewer(Role.CENTRAL_BANK_STAFF, OrgKind.CENTRAL_BANK, "pbc"),
  "assigned bank's liaison": viewer(Role.BANK_LIAISON, OrgKind.BANK, ASSIGNED, [ASSIGNED]),
  "assigned bank's manager": viewer(Role.BANK_MANAGER, OrgKind.BANK, ASSIGNED, [ASSIGNED]),
  "parent bank's liaison": viewer(Role.BANK_LIAISON, OrgKind.BANK, PARENT, [PARENT, ASSIGNED]),
  "copied bank's liaison": viewer(Role.BANK_LIAISON, OrgKind.BANK, COPIED, [COPIED]),
  "copied bank's manager": viewer(Role.BANK_MANAGER, OrgKind.BANK, COPIED, [COPIED]),
  "park window": viewer(Role.PARK_STAFF, OrgKind.PARK, "park"),
  "enterprise owner": viewer(Role.ENTERPRISE_OWNER, OrgKind.ENTERPRISE, "enterprise"),
  "enterprise member": viewer(Role.ENTERPRISE_MEMBER, OrgKind.ENTERPRISE, "enterprise"),
};

// Drafts are the enterprise's alone (requestScope); every other item is visible to all of
// the viewers above (the banks through their route to it).
function sees(v: TStepViewer, item: TStepItem): boolean {
  return item.status !== RequestStatus.DRAFT || areaOfRole(v.actor.role) === "enterprise";
}

function* items(): Generator<TStepItem> {
  for (const status of Object.values(RequestStatus))
    for (const signedAt of [null, EARLIER])
      for (const answeredAt of [null, EARLIER])
        for (const dueAt of [null, FUTURE_DUE, PAST_DUE])
          for (const escalationReason of [null, ...Object.values(EscalationReason)])
            for (const returnDisputedAt of [null, EARLIER])
              for (const returnDisputeNote of [null, "不同意退回"])
                for (const withdrawnAfterAnswer of [false, true])
                  for (const withdrawalCheckedAt of [null, EARLIER])
                    for (const assignedBankId of [null, ASSIGNED])
                      for (const answerKind of [null, AnswerKind.NEEDS_DOCUMENTS])
                        yield {
                          status,
                          answerKind,
                          signedAt,
                          answeredAt,
                          dueAt,
                          escalationReason,
                          returnDisputedAt,
                          returnDisputeNote,
                          withdrawnAfterAnswer,
                          withdrawalCheckedAt,
                          assignedBankId,
                        };
}

const shown = (v: TStepViewer, item: TStepItem) => new Set<TWorkflowStep>(PANELS.flatMap((p) => panelSteps(p, v, item, NOW)));
const accepted = (v: TStepViewer, item: TStepItem) =>
  new Set(STEPS.filter((step) => mayTakeStep(step, v.actor, v.coveredBankIds, item) && canStep(step, item, NOW)));

function describeItem(item: TStepItem): string {
  const set = Object.entries(item)
    .filter(([k, value]) => k !== "status" && value !== null && value !== false)
    .map(([k, value]) => (k === "dueAt" ? `dueAt ${value === PAST_DUE ? "past" : "future"}` : k === "escalationReason" ? `${value}` : k));
  return [item.status, ...set].join(" ");
}

describe("the step table", () => {
  it("offers every step in exactly one panel", () => {
    const offered = PANELS.flatMap((p) => [...PANEL_STEPS[p]]);
    expect([...offered].sort()).toEqual([...STEPS].sort());
  });

  it("shows exactly the steps the server accepts, for every status × role × fact combination", () => {
    const mismatches = new Map<string, string>();
    let combinations = 0;
    for (const item of items())
      for (const [name, v] of Object.entries(VIEWERS)) {
        if (!sees(v, item)) continue;
        combinations++;
        const ui = shown(v, item);
        const server = accepted(v, item);
        for (const step of STEPS) {
          if (ui.has(step) === server.has(step)) continue;
          const key = `${name} · ${item.status} · ${step}: ${ui.has(step) ? "shown but refused" : "accepted but not shown"}`;
          if (!mismatches.has(key)) mismatches.set(key, `${key} (e.g. ${describeItem(item)})`);
        }
      }
    expect(combinations).toBe(345_600);
    expect([...mismatches.values()]).toEqual([]);
    // About 6 s alone; room for a machine busy with other work.
  }, 60_000);
});

describe("the two cases the server used to accept", () => {
  const forwarded: TStepItem = {
    status: RequestStatus.FORWARDED,
    answerKind: null,
    signedAt: null,
    answeredAt: null,
    dueAt: FUTURE_DUE,
    escalationReason: null,
    returnDisputedAt: null,
    returnDisputeNote: null,
    withdrawnAfterAnswer: false,
    withdrawalCheckedAt: null,
    assignedBankId: ASSIGNED,
  };
  const liaison = VIEWERS["assigned bank's liaison"]!;
  const finance = VIEWERS["finance staff"]!;

  it("a second 'declare unsolvable' on an item already escalated as unsolvable is neither shown nor accepted", () => {
    const escalated = { ...forwarded, status: RequestStatus.ESCALATED, signedAt: EARLIER, escalationReason: EscalationReason.UNSOLVABLE };
    expect(accepted(liaison, escalated).has("declareUnsolvable")).toBe(false);
    expect(shown(liaison, escalated).has("declareUnsolvable")).toBe(false);
    // Escalated for being overdue, the bank may still say it cannot solve it.
    const overdue = { ...escalated, escalationReason: EscalationReason.OVERDUE };
    expect(accepted(liaison, overdue).has("declareUnsolvable")).toBe(true);
    expect(shown(liaison, overdue).has("declareUnsolvable")).toBe(true);
  });

  it("销号 of an item forwarded an hour ago, neither answered, overdue nor escalated, is neither shown nor accepted", () => {
    const anHourAgo = { ...forwarded, dueAt: FUTURE_DUE };
    expect(accepted(finance, anHourAgo).has("closeOut")).toBe(false);
    expect(shown(finance, anHourAgo).has("closeOut")).toBe(false);
    for (const handled of [
      { ...forwarded, dueAt: PAST_DUE },
      { ...forwarded, status: RequestStatus.ESCALATED, escalationReason: EscalationReason.OVERDUE },
      { ...forwarded, status: RequestStatus.ANSWERED, signedAt: EARLIER, answeredAt: EARLIER },
    ]) {
      expect(accepted(finance, handled).has("closeOut"), describeItem(handled)).toBe(true);
      expect(shown(finance, handled).has("closeOut"), describeItem(handled)).toBe(true);
    }
  });
});
