/**
 * Key-enterprise lists: who sees which members, which steps a list's state allows, and
 * the coverage figure. Pure: no Prisma, no Next.
 */
import { KeyContactOutcome, KeyListStatus } from "@/lib/generated/prisma/enums";
import { areaOfRole } from "@/lib/auth/areas";
import type { TActor } from "@/lib/auth/permissions";

/** The tally's key for members not assigned to a bank yet. */
export const UNASSIGNED_BANK = "00000000-0000-0000-0000-000000000000";

export const CONTACT_OUTCOMES: readonly KeyContactOutcome[] = [
  KeyContactOutcome.CONNECTED,
  KeyContactOutcome.HAS_NEED,
  KeyContactOutcome.CREDIT_GRANTED,
  KeyContactOutcome.NO_NEED,
];

export type TKeyListStep = "addMembers" | "assign" | "reassign" | "contact" | "close";

/** The one table of which list states allow which step. */
export const KEY_LIST_STEPS: Readonly<Record<TKeyListStep, readonly KeyListStatus[]>> = {
  addMembers: [KeyListStatus.DRAFT],
  assign: [KeyListStatus.DRAFT],
  reassign: [KeyListStatus.DRAFT, KeyListStatus.ASSIGNED],
  // A bank records contacts only once the list is handed over, until it is closed.
  contact: [KeyListStatus.ASSIGNED],
  close: [KeyListStatus.ASSIGNED],
};

export function keyListStepAllowed(step: TKeyListStep, status: KeyListStatus): boolean {
  return KEY_LIST_STEPS[step].includes(status);
}

/**
 * Which members an actor sees: the offices every member of every list, a bank the
 * members assigned to it (or its branches) on lists it was handed — never a draft.
 * `null`: everything; an empty array: nothing.
 */
export function keyListBankFilter(actor: TActor, coveredBankIds: readonly string[]): readonly string[] | null {
  const area = areaOfRole(actor.role);
  if (area === "finance" || area === "pbc") return null;
  if (area === "bank") return coveredBankIds;
  return [];
}

export type TCoverage = {
  members: number;
  connected: number;
  hasNeed: number;
  creditGranted: number;
  noNeed: number;
};

export const EMPTY_COVERAGE: TCoverage = Object.freeze({ members: 0, connected: 0, hasNeed: 0, creditGranted: 0, noNeed: 0 });

export function contactedOf(c: TCoverage): number {
  return c.connected + c.hasNeed + c.creditGranted + c.noNeed;
}

/** Contacted share in whole percent (rounded down, so 100% means every member). */
export function coveragePercent(c: TCoverage): number {
  return c.members === 0 ? 0 : Math.floor((contactedOf(c) * 100) / c.members);
}

export function addCoverage(a: TCoverage, b: TCoverage): TCoverage {
  return {
    members: a.members + b.members,
    connected: a.connected + b.connected,
    hasNeed: a.hasNeed + b.hasNeed,
    creditGranted: a.creditGranted + b.creditGranted,
    noNeed: a.noNeed + b.noNeed,
  };
}
