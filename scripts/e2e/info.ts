import os from "node:os";
import path from "node:path";

/** Where the e2e server tells the tests which database it seeded. */
export function e2eInfoFile(port: number): string {
  return path.join(os.tmpdir(), `rongqiao-e2e-${port}.json`);
}
