import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleScripts } from "@/scripts/release";
import { SEMI_SPACE_MB, serverEntryArgs } from "@/scripts/run-next";

// `npm start`, the release bundle's `npm start` and the servers the scripts spawn (dev,
// end-to-end, benchmarks) run with the same Node flags, so what the benchmark measures is
// what production runs.
describe("the server's Node flags", () => {
  it("are the same for npm start and for the spawned servers", () => {
    const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.start!;
    const flag = `--max-semi-space-size=${SEMI_SPACE_MB}`;
    expect(serverEntryArgs()).toContain(flag);
    expect(start.split(" ")).toContain(flag);
  });

  it("are the same for the release bundle's npm start, which runs the compiled entry", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as Parameters<typeof bundleScripts>[0];
    const start = bundleScripts(pkg).start!;
    expect(start).toBe(`node --max-semi-space-size=${SEMI_SPACE_MB} server.mjs start`);
    const unit = readFileSync("deploy/systemd/rongqiao.service", "utf8");
    expect(unit).toContain(`\nExecStart=/usr/bin/env ${start} `);
  });
});
