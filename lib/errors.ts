/**
 * Every code an expected failure may carry — thrown by the domain as an AppError, returned
 * by server actions (`TActionResult`) and route handlers. A closed list: a new code must be
 * added here, and lib/errors.test.ts then requires its message in both languages
 * ("errors.codes.<code>" in lib/i18n/messages/{zh-CN,en}/errors.json). A form may word a
 * code its own way under "<namespace>.errors.<code>"; otherwise the shared message shows.
 * Field-level codes (fieldErrors: "required", "tooLong" …) are the forms' own vocabulary.
 */
export const ERROR_CODES = [
  // Who and what: the gate of every action and route.
  "signedOut", // no session
  "forbidden", // visible to the caller, but not theirs to change
  "notFound", // does not exist, or outside the caller's scope (never confirms existence)
  "badOrigin", // a state-changing request from another site
  "bodyTooLarge", // a form post over the server actions' body limit
  "rateLimited", // too many attempts from one address
  "invalidInput", // the input failed validation (fieldErrors says where)
  "badCharacters", // a field holds control characters (NUL and the like) no person types
  "badDate", // a date that does not exist in the calendar (2027-02-30) or is out of range
  "incomplete", // required fields missing before handing something in (fieldErrors says which)
  "generic", // an unexpected failure, logged on the server
  // Concurrency and state.
  "conflict", // someone else changed it since the page was loaded (a stale version)
  "invalidState", // the step may not start from the current state
  "inactive", // acting on a deactivated record
  "alreadyActive",
  "alreadyInactive",
  "hasActiveChildren", // a bank with active branches cannot be deactivated
  "self", // an administrator acting on their own account
  "noEmail", // a reset link for a user with no e-mail address
  // Requests and pairings.
  "noProgram", // no program in force (or not found) for the year
  "notApproved", // the enterprise's registration is not approved yet
  "notPaired", // the bank is not paired with the park
  "noMainBank", // the park has no main bank to forward to
  "badBank", // a bank that cannot take the item
  "alreadyUnsolvable", // the item is already escalated as unsolvable: declared once only
  "notClosable", // 销号 of an item still with the park, or with a bank within its deadline
  "pairingsLocked", // pairings are fixed once the implementation phase begins
  // Files.
  "noFile",
  "emptyFile",
  "badType",
  "tooLarge",
  "tooMany",
  "unpackedTooLarge", // an archive (.xlsx) that would unpack beyond its limits (entries or bytes)
  // Quarterly submissions, scoring and rankings.
  "quarterNotEnded", // the quarter has not ended yet
  "invalidFigures", // the figures grid has errors (fieldErrors per cell)
  "noRuleSet",
  "ruleSetInvalid",
  "rulesUnchanged",
  "targetUnchanged", // a bank's credit target saved with the figures it already has
  "alreadyPublished",
  "alreadyReviewed",
  "notReviewed",
  // The working-day calendar.
  "dayNotFound",
  "noDaysInYear",
  "officialUnavailable",
  "evaluationExists", // the half year already has an evaluation
  "evaluationFinalised", // a finalised evaluation is frozen
  "rulesFrozen", // an evaluation's rules once a qualitative score is entered
  "scoresMissing", // finalisation before both offices scored every bank
  "quartersNotPublished", // finalisation before both quarters' rankings are published
  "alreadyAnswered", // an enterprise answers a questionnaire once
  // Matching events.
  "eventFull", // every seat of the event is taken
  "registrationClosed", // the event has started, been held or cancelled
] as const;

export type TErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is TErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

// Expected failures carry a code the UI translates; anything else is unexpected, logged,
// and shown as the generic message.
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(code);
    this.name = "AppError";
  }
}

/**
 * The digest of the error a page throws when the database cannot be reached
 * (lib/server/database-unavailable.ts); the error pages show "service unavailable" for it.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "RONGQIAO_DATABASE_UNAVAILABLE";
