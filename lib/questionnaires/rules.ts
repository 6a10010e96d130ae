/**
 * Pure rules of the financing-monitoring questionnaire: when it may be answered, whether
 * an answer set fits its questions, and what it adds to the bank's satisfaction.
 */
import type { TAnswers, TQuestion } from "./schemas";

export type TQuestionnaireStatus = "DRAFT" | "OPEN" | "CLOSED";
/** What people see: an open questionnaire before its window is "scheduled", after it "closed". */
export type TShownStatus = "DRAFT" | "SCHEDULED" | "OPEN" | "CLOSED";

/** Scale answers at or above this (满意, 非常满意) count as satisfied. */
export const SATISFIED_FROM = 4;
export const SCALE_MAX = 5;

/** Window days are Asia/Shanghai calendar days "YYYY-MM-DD", both inclusive. */
export function shownStatus(status: TQuestionnaireStatus, opensOn: string, closesOn: string, today: string): TShownStatus {
  if (status !== "OPEN") return status;
  if (today < opensOn) return "SCHEDULED";
  if (today > closesOn) return "CLOSED";
  return "OPEN";
}

export function mayAnswer(status: TQuestionnaireStatus, opensOn: string, closesOn: string, today: string): boolean {
  return shownStatus(status, opensOn, closesOn, today) === "OPEN";
}

/** Response rate in percent with two decimals; null when nobody was targeted. */
export function responseRate(answered: number, targeted: number): number | null {
  if (targeted <= 0) return null;
  return Math.round((answered / targeted) * 10_000) / 100;
}

export type TCheckedAnswers = {
  answers: TAnswers;
  /** Field errors keyed "answers.<questionId>". */
  errors: Record<string, string>;
  rated: number;
  satisfied: number;
};

/**
 * Checks an answer set against the questions: each answer of the kind its question asks,
 * a choice among its options, a score 1–5, a text within its limit; required questions
 * answered. Answers to unknown questions and empty optional answers are dropped.
 */
export function checkAnswers(questions: readonly TQuestion[], given: TAnswers): TCheckedAnswers {
  const answers: TAnswers = {};
  const errors: Record<string, string> = {};
  let rated = 0;
  let satisfied = 0;
  for (const q of questions) {
    const value = given[q.id];
    const key = `answers.${q.id}`;
    const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required) errors[key] = "required";
      continue;
    }
    if (q.kind === "scale") {
      if (typeof value !== "number" || value < 1 || value > SCALE_MAX) errors[key] = "invalid";
      else {
        answers[q.id] = value;
        if (q.satisfaction) {
          rated += 1;
          if (value >= SATISFIED_FROM) satisfied += 1;
        }
      }
    } else if (q.kind === "single") {
      if (typeof value !== "string" || !q.options.includes(value)) errors[key] = "invalid";
      else answers[q.id] = value;
    } else if (q.kind === "multi") {
      if (!Array.isArray(value) || new Set(value).size !== value.length || !value.every((v) => q.options.includes(v)))
        errors[key] = "invalid";
      else answers[q.id] = value;
    } else {
      if (typeof value !== "string") errors[key] = "invalid";
      else if (value.trim().length > q.maxLength) errors[key] = "tooLong";
      else if (q.required && value.trim() === "") errors[key] = "required";
      else answers[q.id] = value.trim();
    }
  }
  return { answers, errors, rated, satisfied };
}

/** Satisfaction in percent (two decimals) from the summed counts; null without a rated answer. */
export function satisfactionPercent(satisfied: number, rated: number): number | null {
  if (rated <= 0) return null;
  return Math.round((satisfied / rated) * 10_000) / 100;
}
