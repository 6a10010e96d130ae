/**
 * The systemd units shipped in deploy/systemd pass `systemd-analyze verify` (works without
 * a running systemd): every key known, every value parsed, the units they require present.
 * systemd-analyze only warns (exit code 0) about a bad line and then ignores it, so the
 * test asks for no output at all. Without systemd-analyze the test fails and says how to
 * install it: a check that skips itself would not tell anyone a unit is broken.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = "deploy/systemd";

describe(`${DIR}`, () => {
  it("passes systemd-analyze verify without a warning", () => {
    const analyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].find((p) => existsSync(p));
    if (!analyze) throw new Error("systemd-analyze is not installed: `apt-get install systemd` (Debian's package) to check deploy/systemd");
    const units = readdirSync(DIR).filter((f) => f.endsWith(".service"));
    expect(units.sort()).toEqual(["rongqiao-jobs.service", "rongqiao-migrate.service", "rongqiao.service"]);
    const result = spawnSync(analyze, ["verify", "--man=no", ...units.map((u) => path.resolve(DIR, u))], { encoding: "utf8" });
    expect(result.stderr + result.stdout).toBe("");
    expect(result.status).toBe(0);
  });
});
