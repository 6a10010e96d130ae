import { describe, expect, it } from "vitest";
import { judgeReadiness } from "./readiness";

const now = new Date("2026-03-05T08:00:00Z");
const limits = { maxDueJobs: 10, maxJobDelaySeconds: 600 };
const facts = { expectedMigrations: ["a", "b"], appliedMigrations: ["a", "b"], backlog: { due: 0, oldestDueAt: null }, now };

describe("judgeReadiness", () => {
  it("is ready with every migration applied and the queue within bounds", () => {
    expect(judgeReadiness(facts, limits)).toEqual({ ready: true, problems: [], pendingMigrations: 0, dueJobs: 0, oldestDueJobSeconds: 0 });
    const busy = { ...facts, backlog: { due: 10, oldestDueAt: new Date(now.getTime() - 600_000) } };
    expect(judgeReadiness(busy, limits).ready).toBe(true);
  });

  it("is not ready with a pending migration, too many due jobs or one waiting too long", () => {
    expect(judgeReadiness({ ...facts, appliedMigrations: ["a"] }, limits).problems).toEqual(["1 migration(s) not applied: run db:migrate"]);
    expect(judgeReadiness({ ...facts, backlog: { due: 11, oldestDueAt: now } }, limits).problems).toEqual(["more than 10 jobs are due"]);
    const late = judgeReadiness({ ...facts, backlog: { due: 1, oldestDueAt: new Date(now.getTime() - 601_000) } }, limits);
    expect(late.ready).toBe(false);
    expect(late.oldestDueJobSeconds).toBe(601);
  });

  it("does not count a migration the database has and this build lacks as pending", () => {
    expect(judgeReadiness({ ...facts, appliedMigrations: ["a", "b", "c"] }, limits).ready).toBe(true);
  });
});
