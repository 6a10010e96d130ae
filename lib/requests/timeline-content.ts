/**
 * The parts of a ledger entry's content (JSON, written by the workflow mutations) worth
 * showing in the timeline, in a fixed order, each with how to render it. Keys this list
 * does not know are left out rather than dumped raw; bank ids are shown by name when the
 * caller resolved them (`bankNames`), else left out.
 */
import { EscalationReason } from "@/lib/generated/prisma/enums";

export type TContentKind = "text" | "date" | "answerKind" | "rating" | "escalationReason" | "closeReason" | "bool" | "days";
export type TContentItem = { key: string; kind: TContentKind; value: string | number | boolean };

const SHOWN: ReadonlyArray<readonly [string, TContentKind]> = [
  ["reason", "text"],
  ["explanation", "text"],
  ["resolution", "text"],
  ["returnReason", "text"],
  ["answerKind", "answerKind"],
  ["rating", "rating"],
  ["comment", "text"],
  ["closeReason", "closeReason"],
  ["upheld", "bool"],
  ["replyDeadlineDays", "days"],
  ["dueAt", "date"],
  ["parkReviewDeadlineDays", "days"],
  ["parkDueAt", "date"],
  ["overdueWorkingDays", "days"],
  ["supplementDeadlineDays", "days"],
  ["documentsDueAt", "date"],
];

/** Content key of a bank id → the item key it is shown under. */
const BANK_KEYS: ReadonlyArray<readonly [string, string]> = [
  ["bankOrgId", "bank"],
  ["fromBankOrgId", "fromBank"],
  ["toBankOrgId", "toBank"],
  ["primaryBankOrgId", "toBank"],
];

const ESCALATION_REASONS: ReadonlySet<string> = new Set(Object.values(EscalationReason));

/** Bank ids mentioned in a content, to resolve to names. */
export function bankIdsOf(content: unknown): string[] {
  const record = asRecord(content);
  if (!record) return [];
  return BANK_KEYS.map(([key]) => record[key]).filter((v): v is string => typeof v === "string" && v.length > 0);
}

export function timelineContentItems(content: unknown, bankNames: Readonly<Record<string, string>> = {}): TContentItem[] {
  const record = asRecord(content);
  if (!record) return [];
  const items: TContentItem[] = [];
  for (const [key, kind] of SHOWN) {
    const value = record[key];
    if (kind === "bool") {
      if (typeof value === "boolean") items.push({ key, kind, value });
    } else if (kind === "days") {
      if (typeof value === "number" && Number.isInteger(value)) items.push({ key, kind, value });
    } else if (kind === "date") {
      if (typeof value === "string" && !Number.isNaN(Date.parse(value))) items.push({ key, kind, value });
    } else if (typeof value === "string" && value.trim() !== "") {
      // An escalation records its reason as the enum (OVERDUE, UNSOLVABLE …), not as text.
      const enumReason = key === "reason" && ESCALATION_REASONS.has(value);
      items.push({ key: enumReason ? "escalationReason" : key, kind: enumReason ? "escalationReason" : kind, value });
    }
  }
  // The files sent with documents (SUPPLEMENT): their names, as the ledger holds them.
  const files = Array.isArray(record.attachments)
    ? record.attachments.map((f) => asRecord(f)?.fileName).filter((n): n is string => typeof n === "string" && n !== "")
    : [];
  if (files.length > 0) items.push({ key: "files", kind: "text", value: files.join("、") });
  const seen = new Set<string>();
  for (const [key, shownAs] of BANK_KEYS) {
    const id = record[key];
    const name = typeof id === "string" ? bankNames[id] : undefined;
    if (name && !seen.has(shownAs)) {
      seen.add(shownAs);
      items.push({ key: shownAs, kind: "text", value: name });
    }
  }
  return items;
}

function asRecord(content: unknown): Record<string, unknown> | null {
  return typeof content === "object" && content !== null && !Array.isArray(content) ? (content as Record<string, unknown>) : null;
}
