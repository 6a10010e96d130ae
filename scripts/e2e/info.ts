import os from "node:os";
import path from "node:path";

/** Where the e2e server tells the tests which database it seeded. */
export function e2eInfoFile(port: number): string {
  return path.join(os.tmpdir(), `rongqiao-e2e-${port}.json`);
}

/** Where the e2e server writes the portal's log (tests/e2e/log-privacy.spec.ts reads it). */
export function e2eLogFile(port: number): string {
  return path.join(os.tmpdir(), `rongqiao-e2e-${port}.log`);
}
