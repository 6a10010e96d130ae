/**
 * `npm run demo:totp` prints the one-time code of a demo login, whose secret anyone can
 * derive from this repository: it prints one only in demo mode, as a production host
 * (DEMO_MODE unset or false) must never hand out a code.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function run(demoMode: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  if (demoMode === undefined) delete env.DEMO_MODE;
  else env.DEMO_MODE = demoMode;
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/demo-totp.ts", "finance.admin"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm run demo:totp", () => {
  it("refuses outside demo mode and prints no code", () => {
    for (const demoMode of [undefined, "false"]) {
      const result = run(demoMode);
      expect(result.status, String(demoMode)).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/demo mode only/);
    }
  });

  it("prints the current code in demo mode", () => {
    const result = run("true");
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d{6}$/);
  });
});
