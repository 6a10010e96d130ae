/**
 * Where an item stands on the enterprise's progress tracker: submitted → forwarded →
 * signed → answered → rated. Pure. The status decides when it names the stage outright;
 * for the statuses that can be reached from several stages (escalated, closed, withdrawn)
 * the stage timestamps say how far the item got before.
 */
import { RequestStatus, type AnswerKind } from "@/lib/generated/prisma/enums";

export const PROGRESS_STEPS = ["submitted", "forwarded", "signed", "answered", "rated"] as const;

export type TProgressInput = {
  status: RequestStatus;
  submittedAt: Date | null;
  forwardedAt: Date | null;
  signedAt: Date | null;
  answeredAt: Date | null;
  rated: boolean;
};

/** Index into PROGRESS_STEPS of the last step reached; −1 for a draft (nothing reached yet). */
export function progressIndex(item: TProgressInput): number {
  switch (item.status) {
    case RequestStatus.DRAFT:
      return -1;
    case RequestStatus.SUBMITTED:
    case RequestStatus.RETURNED:
      return 0;
    case RequestStatus.FORWARDED:
      return 1;
    case RequestStatus.SIGNED:
      return 2;
    case RequestStatus.ANSWERED:
      return 3;
    default:
      if (item.rated) return 4;
      if (item.answeredAt) return 3;
      if (item.signedAt) return 2;
      if (item.forwardedAt) return 1;
      return item.submittedAt ? 0 : -1;
  }
}

/**
 * How the tracker draws each step: done (✓), the one the item is at (current), still ahead
 * (todo), or never reached because the item ended before it (skipped).
 */
export type TStepState = "done" | "current" | "todo" | "skipped";

/** The tracker of one item: a state per step of PROGRESS_STEPS, and how the item ended, if it did. */
export type TProgress = { steps: TStepState[]; ended: "closed" | "withdrawn" | null };

/**
 * An item that ended (closed, closed out by the park, withdrawn) is at no step any more:
 * what it reached is done and the rest was skipped, so no middle step reads "current".
 */
export function progressOf(item: TProgressInput): TProgress {
  const reached = progressIndex(item);
  const ended = item.status === RequestStatus.CLOSED ? "closed" : item.status === RequestStatus.WITHDRAWN ? "withdrawn" : null;
  const steps = PROGRESS_STEPS.map((_, i): TStepState => {
    if (i < reached) return "done";
    if (i === reached) return ended ? "done" : "current";
    return ended ? "skipped" : "todo";
  });
  return { steps, ended };
}

/** What the enterprise itself must do now about the item, if anything. */
export type TEnterpriseTodo = "rate" | "provideDocuments" | "completeReturned" | "submitDraft";

export function enterpriseTodo(status: RequestStatus, answerKind: AnswerKind | null): TEnterpriseTodo | null {
  if (status === RequestStatus.DRAFT) return "submitDraft";
  if (status === RequestStatus.RETURNED) return "completeReturned";
  if (status === RequestStatus.ANSWERED) return answerKind === "NEEDS_DOCUMENTS" ? "provideDocuments" : "rate";
  return null;
}
