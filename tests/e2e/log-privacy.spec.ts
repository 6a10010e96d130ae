/**
 * Runs after every other spec (the "log-privacy" project in playwright.config.ts depends on
 * the browser project): the portal's log of the whole run (scripts/e2e/server.ts keeps it
 * in e2eLogFile) must not contain one mobile number, e-mail address or ID number of the
 * demo data — read from the run's database, so people the specs created count too.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { e2eLogFile } from "@/scripts/e2e/info";
import { queryDemo } from "./support/demo-data";

const PORT = Number(process.env.E2E_PORT ?? 3100);

async function personalValues(): Promise<string[]> {
  const rows = await queryDemo<{ value: string }>(
    `SELECT v AS value FROM (
       SELECT mobile AS v FROM "User" UNION SELECT email FROM "User" UNION SELECT "idNumber" FROM "User"
       UNION SELECT "contactMobile" FROM "Enterprise"
       UNION SELECT "firstPersonMobile" FROM "BankContact" UNION SELECT "secondPersonMobile" FROM "BankContact"
       UNION SELECT "liaisonMobile" FROM "BankContact"
       UNION SELECT "accountManagerMobile" FROM "EnterpriseBankPairing"
     ) AS personal
     WHERE v IS NOT NULL AND length(v) >= 6`,
  );
  return rows.map((r) => r.value);
}

test("the server's log of the run names no mobile, e-mail address or ID number of the demo data", async () => {
  const values = await personalValues();
  const mobiles = values.filter((v) => /^1\d{10}$/.test(v));
  const emails = values.filter((v) => v.includes("@"));
  // The demo data has both, so a query that found nothing cannot pass the check.
  expect(mobiles.length).toBeGreaterThan(10);
  expect(emails.length).toBeGreaterThan(0);

  const log = readFileSync(e2eLogFile(PORT), "utf8");
  // The log is the real one of this run: JSON request lines with request ids.
  const requestLines = log.split("\n").filter((line) => line.includes('"msg":"request"') && line.includes('"reqId":'));
  expect(requestLines.length).toBeGreaterThan(0);

  const found = values.filter((v) => log.includes(v));
  expect(found, `personal data in ${e2eLogFile(PORT)}`).toEqual([]);
});
