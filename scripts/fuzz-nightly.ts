/**
 * The nightly fuzz run: the two fuzz tests of every-run CI (the schema fuzz and the
 * server-action fuzz) with FUZZ_RUNS times as many generated inputs and a fresh random
 * seed each night, so the nightly job explores inputs the quick runs never reach.
 *
 *   npm run fuzz:nightly                 20 × the usual counts (about 2.5 million inputs)
 *   npm run fuzz:nightly -- 5            another multiplier
 *   FUZZ_SEED=123 npm run fuzz:nightly   replay the seed a failure printed
 *
 * Exits non-zero when either test fails; a failure names the action, the input and the seed.
 */
import { spawnSync } from "node:child_process";

const multiplier = Number(process.argv[2] ?? process.env.FUZZ_RUNS ?? "20");
if (!Number.isFinite(multiplier) || multiplier <= 0) {
  console.error(`fuzz-nightly: the multiplier must be a positive number, not ${process.argv[2]}`);
  process.exit(2);
}

const runs: { label: string; args: string[] }[] = [
  { label: "schema fuzz", args: ["vitest", "run", "tests/unit/action-schemas-fuzz.test.ts"] },
  {
    label: "server-action fuzz",
    args: ["vitest", "run", "-c", "vitest.integration.config.ts", "tests/integration/server-actions-fuzz.test.ts"],
  },
];

let failed = false;
for (const { label, args } of runs) {
  const started = Date.now();
  console.log(`fuzz-nightly: ${label}, FUZZ_RUNS=${multiplier}${process.env.FUZZ_SEED ? `, FUZZ_SEED=${process.env.FUZZ_SEED}` : ""}`);
  const result = spawnSync("npx", args, {
    stdio: "inherit",
    env: { ...process.env, FUZZ_RUNS: String(multiplier), NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(`fuzz-nightly: ${label} ${result.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
