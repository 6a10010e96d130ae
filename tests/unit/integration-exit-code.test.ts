/**
 * A failing integration test must fail `npm test`. The integration runner's global set-up
 * starts an embedded PostgreSQL, and that library's exit hook used to end the process with
 * code 0 after Vitest had set 1 for a failure, so `npm test` went on as if all had passed.
 * Runs the integration configuration on one test that fails on purpose and checks the code.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("the integration test runner", () => {
  it("exits non-zero when a test fails", () => {
    const run = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "-c", "tests/fixtures/exit-code/vitest.config.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CI: "true" },
      timeout: 180_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toContain("fails on purpose");
    expect(output).toMatch(/1 failed/);
    expect(run.status).toBe(1);
  }, 200_000);
});
