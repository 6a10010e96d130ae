/**
 * The read models' triggers under concurrent workflow steps (./read-models-attack.ts):
 * 40 pairs of a park forwarding an item to a bank while an enterprise withdraws another
 * item already with that bank, 5 pairs of an answer and a withdrawal, 5 of a forward and a
 * rating — 100 calls started at once through the real domain mutations as the actor each
 * needs, on distinct items of one park, one bank and one due day, so that they all meet in
 * the same tally rows.
 *
 * Every call must succeed or be refused with an AppError (a deadlock, a serialization
 * failure or a transaction timeout would be a 500 for a person); the tally triggers take
 * their rows in one order, so no transaction is even chosen as a deadlock victim (the
 * retry in runStep, lib/requests/retry-on-deadlock.ts, is a safety net: the
 * test counts what it caught). Afterwards every read model agrees with the rows.
 *
 * Measured against the function before the fix (all tallies written by data-modifying
 * CTEs of one statement, which PostgreSQL runs in an order of its own) and without the
 * retry: in each of 12 runs 2 to 10 of the 100 calls were aborted with "deadlock
 * detected", and in some up to 38 more failed waiting for a connection while deadlocked
 * transactions held theirs; with the retry alone, 17 and 40 calls still failed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recountReadModels } from "@/lib/read-models/queries/recount-read-models";
import { EXPECTED_STATUS, prepareAttackScene, runAttack, type TAttackPlan, type TAttackScene } from "./read-models-attack";
import { openSeededDatabase, type TSeededDatabase } from "./read-models-fixture";

// The real retry, counting the deadlock victims it runs again.
const retried = vi.hoisted(() => ({ deadlocks: 0 }));
vi.mock("@/lib/requests/retry-on-deadlock", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/requests/retry-on-deadlock")>();
  return {
    ...real,
    retryOnDeadlock: <T>(run: () => Promise<T>) =>
      real.retryOnDeadlock(async () => {
        try {
          return await run();
        } catch (error) {
          const { isDeadlock } = await import("./read-models-attack");
          if (isDeadlock(error)) retried.deadlocks++;
          throw error;
        }
      }),
  };
});

const PLAN: TAttackPlan = { forwardWithdraw: 40, answerWithdraw: 5, forwardRate: 5 };

let db: TSeededDatabase | undefined;
let scene: TAttackScene;

beforeAll(async () => {
  db = await openSeededDatabase("read_models_concurrency", { enterprises: 60 });
  scene = await prepareAttackScene(db.prisma, db.programId, PLAN);
}, 180_000);

afterAll(async () => {
  await db?.close();
});

describe("read models under concurrent workflow steps", () => {
  it("every step on items of one bank and one due day succeeds or is refused, none deadlocks, and the tallies stay exact", async () => {
    const { prisma } = db!;
    expect(scene.pairs.length).toBe(PLAN.forwardWithdraw + PLAN.answerWithdraw + PLAN.forwardRate);
    retried.deadlocks = 0;

    const outcome = await runAttack(prisma, scene);
    const calls = outcome.calls.length;
    console.info(
      `read-models concurrency: ${scene.pairs.length} pairs, ${calls} calls in ${outcome.ms} ms: ${outcome.ok} succeeded, ${outcome.refused} refused, ` +
        `${outcome.failed.length} failed (${outcome.deadlocks} deadlocks); deadlock victims retried: ${retried.deadlocks}`,
    );

    expect(outcome.failed, "calls that failed with something other than an AppError").toEqual([]);
    expect(outcome.ok).toBeGreaterThanOrEqual(Math.ceil(calls * 0.9));
    expect(retried.deadlocks, "transactions chosen as deadlock victims (and run again by the retry)").toBe(0);

    // Each call that succeeded moved its item.
    const rows = await prisma.request.findMany({
      where: { serial: { in: outcome.calls.map((c) => c.serial) } },
      select: { serial: true, status: true },
    });
    const status = new Map(rows.map((r) => [r.serial, r.status]));
    for (const c of outcome.calls.filter((x) => x.result === "ok"))
      expect([c.label, c.serial, status.get(c.serial)]).toEqual([c.label, c.serial, EXPECTED_STATUS[c.label]]);

    expect(await recountReadModels(prisma)).toEqual([]);
  });
});
