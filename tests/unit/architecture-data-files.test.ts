/**
 * Where a query or mutation is found by its name. Every file in `lib/<module>/queries/`
 * and `lib/<module>/mutations/` is one of two kinds:
 *
 * - a function file: one of its exported functions is the file's name in camelCase
 *   (`list-bank-inbox.ts` exports `listBankInbox`). Besides that function it may export
 *   its types and constants and the functions that go with it (a list's `get…` for one
 *   row, a write's `…Many` form, a helper that the module's other data files share);
 * - a group file, named after what it groups (one entity's edits, one role's workflow
 *   steps, reads or writes that share private helpers), listed below with the reason.
 *
 * The list holds group files only: a file that exists no more, or that has become a
 * function file, fails the test so the list cannot go stale.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

const GROUP_FILES: Readonly<Record<string, string>> = {
  "lib/accounts/mutations/end-sessions.ts": "ending one session or all of a user's",
  "lib/accounts/mutations/manage-users.ts": "a user's edits, sharing the temporary password and the unique guard",
  "lib/calendar/mutations/calendar-lock.ts": "the two modes of the calendar's advisory lock",
  "lib/calendar/mutations/manage-calendar.ts": "the working calendar's edits",
  "lib/import/queries/import-context.ts": "what an import checks its rows against",
  "lib/jobs/mutations/finish-job.ts": "the two ends of a claimed job",
  "lib/jobs/mutations/job-locks.ts": "a worker's hold on its claimed jobs: the heartbeat and the give-back at shutdown",
  "lib/jobs/mutations/maintain-jobs.ts": "the queue's housekeeping",
  "lib/pairings/mutations/change-pairings.ts": "a program's pairing edits, sharing the lock and the checks",
  "lib/products/mutations/manage-products.ts": "a product's edits",
  "lib/read-models/queries/count-enterprises.ts": "enterprise counts from the tally",
  "lib/read-models/queries/count-open-items.ts": "open-item counts from the tallies",
  "lib/registry/mutations/registry-contacts.ts": "filing a bank contact and the calendar it is timed by",
  "lib/registry/mutations/registry-enterprises.ts": "the enterprise registry's edits",
  "lib/registry/mutations/registry-orgs.ts": "the park, bank and guarantor registries' edits",
  "lib/registry/queries/registry-enterprises.ts": "the enterprise registry's list, export and rows, sharing one filter",
  "lib/registry/queries/registry-orgs.ts": "the park, bank and guarantor registries' lists and rows",
  "lib/requests/mutations/bank-steps.ts": "the bank's workflow steps",
  "lib/requests/mutations/enterprise-steps.ts": "the enterprise's workflow steps",
  "lib/requests/mutations/park-routing.ts": "which bank a park's request goes to",
  "lib/requests/mutations/park-steps.ts": "the park window's workflow steps",
  "lib/requests/mutations/supervision-steps.ts": "the finance office's workflow steps",
  "lib/requests/queries/request-step-options.ts": "the choices the step forms offer",
  "lib/submissions/mutations/review-submission.ts": "the two outcomes of a submission's review",
  "lib/summons/mutations/summons-steps.ts": "every step on a summons, sharing one locked-step runner",
  "lib/key-lists/mutations/key-list-steps.ts": "a key list's own steps (hand over, close), sharing the locked re-read",
};

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

// `export function f`, `export async function* f`, `export const f = (…) =>`, `= async (`,
// `= function`, `= cache(…)`.
const EXPORTED_FUNCTION =
  /^export (?:async )?function\*? ?([A-Za-z0-9_]+)|^export const ([A-Za-z0-9_]+)\s*(?::[^=]+)?=\s*(?:async\s*)?(?:\(|function|cache\()/gm;

function dataFiles(): string[] {
  const out: string[] = [];
  for (const folderEntry of readdirSync(path.join(ROOT, "lib"), { withFileTypes: true })) {
    if (!folderEntry.isDirectory() || folderEntry.name === "generated") continue;
    for (const kind of ["queries", "mutations"]) {
      const folder = path.join(ROOT, "lib", folderEntry.name, kind);
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        continue;
      }
      for (const name of names) {
        if (name.endsWith(".ts") && !name.endsWith(".test.ts")) out.push(`lib/${folderEntry.name}/${kind}/${name}`);
      }
    }
  }
  return out.sort();
}

function isFunctionFile(rel: string): boolean {
  const source = readFileSync(path.join(ROOT, rel), "utf8");
  const base = path.posix.basename(rel, ".ts");
  return [...source.matchAll(EXPORTED_FUNCTION)].some((m) => kebab((m[1] ?? m[2])!) === base);
}

describe("query and mutation files", () => {
  const files = dataFiles();

  it("are found", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("are named after a function they export, or are listed group files", () => {
    const offenders = files.filter((rel) => !isFunctionFile(rel) && !(rel in GROUP_FILES));
    expect(offenders).toEqual([]);
  });

  it("list only group files that exist and are not function files", () => {
    const stale = Object.keys(GROUP_FILES).filter((rel) => !files.includes(rel) || isFunctionFile(rel));
    expect(stale).toEqual([]);
  });
});

describe("workflow steps and lists", () => {
  const files = dataFiles();
  const read = (rel: string) => readFileSync(path.join(ROOT, rel), "utf8");

  it("every exported step in lib/requests/mutations/*-steps.ts runs through runStep", () => {
    const steps = files.filter((rel) => /^lib\/requests\/mutations\/[a-z-]+-steps\.ts$/.test(rel));
    expect(steps.length).toBeGreaterThan(0);
    const offenders = steps.filter((rel) => {
      const source = read(rel);
      return (source.match(/^export async function /gm) ?? []).length !== (source.match(/\brunStep\(/g) ?? []).length;
    });
    expect(offenders).toEqual([]);
  });

  it("the lists that grow with the city page by keyset, never by offset", () => {
    const lists = [
      "lib/requests/queries/list-requests.ts",
      "lib/requests/queries/list-bank-inbox.ts",
      "lib/requests/queries/list-supervision-queue.ts",
      "lib/requests/queries/list-park-queue.ts",
      "lib/registry/queries/registry-enterprises.ts",
      "lib/summons/queries/list-summons.ts",
    ];
    // readFilteredPage and readCountedPage are readKeysetPage for a list under one filter.
    const keyset = /\b(?:readKeysetPage|readFilteredPage|readCountedPage)(?:<[^>(]*>)?\(/;
    const offenders = lists.filter((rel) => !keyset.test(read(rel)) || /\bskip:/.test(read(rel)));
    expect(offenders).toEqual([]);
  });
});
