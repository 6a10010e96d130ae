/**
 * Rules of docs/architecture.md that no lint rule can state, checked on the source text.
 */
import { describe, expect, it } from "vitest";
import { readSource, sourceFilesUnder } from "./source-files";

const CODE = [
  ...sourceFilesUnder("lib"),
  ...sourceFilesUnder("app"),
  ...sourceFilesUnder("components"),
  ...sourceFilesUnder("scripts"),
].filter((f) => !/\.test\.tsx?$/.test(f));

/** Each call of `name(` in `text`, from the name to its closing parenthesis. */
function callsOf(text: string, name: string): string[] {
  const calls: string[] = [];
  for (let at = text.indexOf(`${name}(`); at >= 0; at = text.indexOf(`${name}(`, at + 1)) {
    if (/[\w.]/.test(text[at - 1] ?? "") || /function\s+$/.test(text.slice(Math.max(0, at - 10), at))) continue;
    let depth = 0;
    for (let i = at + name.length; i < text.length; i++) {
      if (text[i] === "(") depth++;
      else if (text[i] === ")" && --depth === 0) {
        calls.push(text.slice(at, i + 1));
        break;
      }
    }
  }
  return calls;
}

// Audit entries that record no change, written on their own connection: what a route
// handler served (downloads and reads) and a contact revealed. Refusals (outcome DENIED)
// are recognised in the call itself.
const AUDITS_WITHOUT_A_CHANGE: Record<string, string> = {
  "lib/server/route.ts": "route handlers serve reads and downloads; their audit records who read what",
  "lib/enterprises/mutations/reveal-enterprise-contact.ts": "revealing a contact reads, it changes nothing",
};

describe("the architecture's rules", () => {
  it("an audit entry of a change is written in the change's transaction (writeAudit(tx, …)); refusals and reads on their own", () => {
    const outside: string[] = [];
    let inTransaction = 0;
    for (const file of CODE) {
      if (file === "lib/audit/mutations/write-audit.ts") continue;
      for (const call of callsOf(readSource(file), "writeAudit")) {
        if (/^writeAudit\(\s*tx\b/.test(call)) {
          inTransaction++;
          continue;
        }
        if (/outcome:\s*"DENIED"/.test(call) || file in AUDITS_WITHOUT_A_CHANGE) continue;
        outside.push(`${file}: ${call.slice(0, 120).replace(/\s+/g, " ")}`);
      }
    }
    expect(outside).toEqual([]);
    expect(inTransaction, "the scan finds the calls").toBeGreaterThan(40);
  });

  it("the app never writes the read models' tally tables (only their triggers and the database's rebuild function do)", () => {
    const tallies = [
      "requestStatusTally",
      "requestOpenTally",
      "requestQuarterTally",
      "requestOwedTally",
      "enterpriseTally",
      "requestYearTally",
      "loanYearTally",
      "keyListTally",
      "questionnaireTally",
    ];
    const write = new RegExp(`\\.(${tallies.join("|")})\\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\\b`);
    const rawWrite = /(INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?\w*Tally"?/i;
    const writers = CODE.filter((f) => {
      const text = readSource(f);
      return write.test(text) || rawWrite.test(text);
    });
    expect(writers).toEqual([]);
    expect(write.test("db.requestOpenTally.upsert({"), "the scan recognises a client write").toBe(true);
    expect(rawWrite.test('INSERT INTO "RequestOpenTally" (n)'), "the scan recognises a SQL write").toBe(true);
  });

  it("a reply deadline's colour is computed in one place (deadlineState); everything else reads its tone", () => {
    const computing = CODE.filter((f) => f !== "lib/requests/deadline-state.ts").filter((f) =>
      /tone:\s*[^,}]*\?\s*"(yellow|red|normal)"|return\s*\{\s*tone:\s*"(yellow|red)"/.test(readSource(f)),
    );
    expect(computing).toEqual([]);
    expect(readSource("lib/requests/deadline-state.ts"), "the scan recognises the computation").toMatch(
      /tone:\s*[^,}]*\?\s*"(yellow|red|normal)"|return\s*\{\s*tone:\s*"(yellow|red)"/,
    );
    expect(readSource("lib/requests/deadline-state.ts")).toMatch(/export function deadlineState\(/);
  });

  it("Prisma loads relations with joins, one statement per read", () => {
    expect(readSource("prisma/schema.prisma")).toMatch(/previewFeatures\s*=\s*\[[^\]]*"relationJoins"/);
  });
});
