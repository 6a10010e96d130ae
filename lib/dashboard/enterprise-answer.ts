/**
 * The latest answer in one line for the dashboard: its kind and the first line of what
 * the bank wrote (documents asked for, reason, conditions), or the amount granted.
 * Pure; reads the same JSON as the detail page (answerView).
 */
import type { AnswerKind } from "@/lib/generated/prisma/enums";
import { answerView } from "@/lib/requests/answer-view";

export const SUMMARY_MAX_CHARS = 60;

export type TAnswerSummary = { kind: AnswerKind; line: string | null; amountFen: string | null };

export function firstLine(text: string, max = SUMMARY_MAX_CHARS): string | null {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== "");
  if (!line) return null;
  return [...line].length > max ? `${[...line].slice(0, max).join("")}…` : line;
}

export function answerSummary(answer: unknown, kind: AnswerKind | null): TAnswerSummary | null {
  const view = answerView(answer, kind);
  if (!view) return null;
  const text = view.rows.find((r) => r.kind === "text");
  const amount = view.rows.find((r) => r.kind === "amountFen");
  return {
    kind: view.kind,
    line: text ? firstLine(String(text.value)) : null,
    amountFen: amount ? String(amount.value) : null,
  };
}
