import { describe, expect, it } from "vitest";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { progressOf } from "./enterprise-progress";

const none = { submittedAt: null, forwardedAt: null, signedAt: null, answeredAt: null, rated: false };
const at = new Date("2026-11-01T02:00:00Z");
const answered = { submittedAt: at, forwardedAt: at, signedAt: at, answeredAt: at };

describe("progressOf", () => {
  it("marks the step an open item is at as current, the earlier ones done", () => {
    expect(progressOf({ ...none, status: RequestStatus.SIGNED, submittedAt: at, forwardedAt: at, signedAt: at })).toEqual({
      steps: ["done", "done", "current", "todo", "todo"],
      ended: null,
    });
    expect(progressOf({ ...none, status: RequestStatus.DRAFT }).steps).toEqual(["todo", "todo", "todo", "todo", "todo"]);
  });

  it("shows a closed item in its final state: nothing current, the steps it never reached skipped", () => {
    // Closed by the park after the answer, never rated: the tracker used to say "current: answered".
    expect(progressOf({ ...none, ...answered, status: RequestStatus.CLOSED })).toEqual({
      steps: ["done", "done", "done", "done", "skipped"],
      ended: "closed",
    });
    expect(progressOf({ ...none, ...answered, status: RequestStatus.CLOSED, rated: true })).toEqual({
      steps: ["done", "done", "done", "done", "done"],
      ended: "closed",
    });
    // Closed out while escalated, before any bank signed.
    expect(progressOf({ ...none, status: RequestStatus.CLOSED, submittedAt: at, forwardedAt: at })).toEqual({
      steps: ["done", "done", "skipped", "skipped", "skipped"],
      ended: "closed",
    });
  });

  it("shows a withdrawn item in its final state too", () => {
    expect(progressOf({ ...none, status: RequestStatus.WITHDRAWN, submittedAt: at })).toEqual({
      steps: ["done", "skipped", "skipped", "skipped", "skipped"],
      ended: "withdrawn",
    });
    expect(progressOf({ ...none, status: RequestStatus.WITHDRAWN, submittedAt: at, forwardedAt: at, signedAt: at })).toEqual({
      steps: ["done", "done", "done", "skipped", "skipped"],
      ended: "withdrawn",
    });
    for (const status of [RequestStatus.CLOSED, RequestStatus.WITHDRAWN]) {
      for (const item of [{ ...none }, { ...none, submittedAt: at }, { ...none, ...answered }]) {
        expect(progressOf({ ...item, status }).steps).not.toContain("current");
      }
    }
  });
});
