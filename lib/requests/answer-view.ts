/**
 * The latest answer (Request.answer, JSON as the bank gave it — the ZAnswer fields) as
 * rows to show, per kind, in a fixed order. Unknown or empty fields are left out, so an
 * answer stored by an older form still renders.
 */
import { AnswerKind } from "@/lib/generated/prisma/enums";

export type TAnswerFieldKind = "text" | "amountFen" | "rate" | "months" | "bool" | "day";
export type TAnswerRow = { key: string; kind: TAnswerFieldKind; value: string | number | boolean };

const FIELDS: Record<AnswerKind, ReadonlyArray<readonly [string, TAnswerFieldKind]>> = {
  [AnswerKind.CAN_DO]: [
    ["conditions", "text"],
    ["procedure", "text"],
    ["suggestedProducts", "text"],
  ],
  [AnswerKind.NEEDS_DOCUMENTS]: [["documents", "text"]],
  [AnswerKind.CANNOT_DO]: [["reason", "text"]],
  [AnswerKind.GRANTED]: [
    ["amountFen", "amountFen"],
    ["annualRate", "rate"],
    ["termMonths", "months"],
    ["product", "text"],
    ["guarantee", "text"],
    ["isFirstLoan", "bool"],
    ["isCreditLoan", "bool"],
    ["grantedOn", "day"],
    ["disbursedOn", "day"],
    ["maturesOn", "day"],
  ],
};

const isKind = (v: unknown): v is AnswerKind => typeof v === "string" && Object.hasOwn(FIELDS, v);

/** The answer's kind (from the JSON, else the column) and its rows; null when there is no answer. */
export function answerView(answer: unknown, fallbackKind: AnswerKind | null): { kind: AnswerKind; rows: TAnswerRow[] } | null {
  const record = typeof answer === "object" && answer !== null && !Array.isArray(answer) ? (answer as Record<string, unknown>) : null;
  const kind = isKind(record?.kind) ? record.kind : fallbackKind;
  if (!kind) return null;
  const rows: TAnswerRow[] = [];
  for (const [key, fieldKind] of FIELDS[kind]) {
    const value = record?.[key];
    if (fieldKind === "bool") {
      if (typeof value === "boolean") rows.push({ key, kind: fieldKind, value });
    } else if (fieldKind === "months") {
      const n = typeof value === "string" ? Number(value) : value;
      if (typeof n === "number" && Number.isInteger(n)) rows.push({ key, kind: fieldKind, value: n });
    } else if (fieldKind === "amountFen") {
      const s = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
      if (typeof s === "string" && /^\d+$/.test(s)) rows.push({ key, kind: fieldKind, value: s });
    } else if (fieldKind === "day") {
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) rows.push({ key, kind: fieldKind, value: value.slice(0, 10) });
    } else if ((typeof value === "string" && value.trim() !== "") || typeof value === "number") {
      rows.push({ key, kind: fieldKind, value: String(value) });
    }
  }
  return { kind, rows };
}
