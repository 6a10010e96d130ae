/**
 * The restore drill: the seeded demo city is backed up with `npm run db:backup` (its
 * attachments, kept in the database, included), restored with `npm run db:restore` into a fresh database,
 * and the copy is compared with the original table by table (row counts and checksums),
 * its every ledger chain re-verified, and the portal run on it as its own role: the
 * start-up role check, the health check, a dashboard, and a workflow step that appends to
 * the ledger. The restore refuses a backup that differs from its manifest, a database that
 * is not empty and a superuser.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { loadFinanceDashboard } from "@/lib/dashboard/queries/load-finance-dashboard";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyLedgerChains } from "@/lib/ledger/queries/verify-ledger-chains";
import { signRequest } from "@/lib/requests/mutations/bank-steps";
import { verifyRequestLedger } from "@/lib/requests/queries/verify-request-ledger";
import { checkDatabaseRole } from "@/lib/server/database-role-check";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { fixRowTextSettings, listTriggers, tableStats, type TBackupManifest } from "@/scripts/db/backup-manifest";
import { APP_ROLE, OWNER_ROLE, createOwnedDatabase, grantApplicationRole, urlAsRole } from "@/scripts/db/database-roles";
import { migrate } from "@/scripts/db/migrate";
import { RestoreRefusedError, restoreDatabase, verifyRestored } from "@/scripts/db/restore";
import { ROOT } from "@/tests/support/server-actions";
import { dropDatabase, uniqueDatabaseName, withClient, withDatabase } from "./harness";

const NOW = new Date("2026-11-27T10:00:00+08:00");
/** The guards of docs/decisions/007 and 011: append-only ledger and audit log, frozen published records. */
const PROTECTIVE_TRIGGERS = [
  "AuditLog.AuditLog_append_only",
  "AuditLog.AuditLog_no_truncate",
  "LedgerEntry.LedgerEntry_append_only",
  "LedgerEntry.LedgerEntry_no_truncate",
  "QuarterlyParkFigure.QuarterlyParkFigure_frozen",
  "QuarterlySubmission.QuarterlySubmission_frozen",
  "Ranking.Ranking_published_frozen",
  "RankingEntry.RankingEntry_published_frozen",
];
const ATTACHMENT_NAMES = ["3f2a9c4e-1b7d-4e2a-9c1f-0a1b2c3d4e5f.pdf", "b7e1d2c3-4a5b-4c6d-8e9f-101112131415.png"];

type TDb = { name: string; ownerUrl: string; appUrl: string };

const adminUrl = () => inject("pgAdminUrl");
let scratch: string;
let source: TDb;
let target: TDb;
const created: string[] = [];
let backupDir: string;
let sourceAttachments: string;
let targetAttachments: string;

async function ownedDatabase(label: string): Promise<TDb> {
  const name = uniqueDatabaseName(inject("testDatabasePrefix"), label);
  await createOwnedDatabase(adminUrl(), name);
  created.push(name);
  const url = withDatabase(adminUrl(), name);
  return { name, ownerUrl: urlAsRole(url, OWNER_ROLE), appUrl: urlAsRole(url, APP_ROLE) };
}

/** Runs one of the npm scripts' entry files the way `npm run` does, with `env` on top of the environment. */
function runScript(file: string, args: string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, file), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

async function statsOf(url: string) {
  return withClient(url, async (c) => {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await fixRowTextSettings(c);
    const result = { tables: await tableStats(c), triggers: await listTriggers(c) };
    await c.query("COMMIT");
    return result;
  });
}

async function withPrisma<T>(url: string, fn: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    return await fn(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

async function actor(prisma: PrismaClient, account: string): Promise<TActorSource> {
  const u = await prisma.user.findUniqueOrThrow({
    where: { account },
    select: { id: true, role: true, orgId: true, org: { select: { kind: true } } },
  });
  return { userId: u.id, role: u.role, orgId: u.orgId, orgKind: u.org.kind };
}

/**
 * The value with every array sorted: some dashboard cells (the overdue matrix's) come in the
 * rows' physical order, which a restore changes; their content must not.
 */
function unordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unordered).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unordered(v)]));
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "rongqiao-restore-drill-"));
  backupDir = path.join(scratch, "backup");
  sourceAttachments = path.join(scratch, "attachments-source");
  targetAttachments = path.join(scratch, "attachments-restored");
  source = await ownedDatabase("drill_source");
  await migrate(source.ownerUrl, { onLog: () => {} });
  await grantApplicationRole(source.ownerUrl);
  await withPrisma(source.ownerUrl, (prisma) => seedDemoData(prisma, { referenceDate: "2026-11-27" }));
  // Attachments as the portal stores them by default: their bytes in AttachmentBlob, so the
  // dump holds them and no file sits beside it.
  await withClient(source.ownerUrl, async (c) => {
    for (const [i, name] of ATTACHMENT_NAMES.entries()) {
      await c.query(`INSERT INTO "AttachmentBlob" ("storedName", "bytes") VALUES ($1, $2)`, [
        name,
        Buffer.from(`attachment ${i} 融桥 ${"x".repeat(1000 * (i + 1))}`),
      ]);
    }
  });
  target = await ownedDatabase("drill_target");
}, 240_000);

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl(), name);
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("the restore drill", () => {
  let manifest: TBackupManifest;

  it("npm run db:backup dumps the seeded demo with a manifest of every table, trigger, ledger chain and file", async () => {
    const run = runScript("scripts/db/backup.ts", ["--out", backupDir], {
      DATABASE_OWNER_URL: source.ownerUrl,
      DATABASE_URL: source.appUrl,
      ATTACHMENTS_DIR: sourceAttachments,
    });
    expect(run.out).toContain("db:backup:");
    expect(run.status, run.out).toBe(0);
    manifest = JSON.parse(await readFile(path.join(backupDir, "manifest.json"), "utf8")) as TBackupManifest;

    const [counts] = await withClient(source.ownerUrl, async (c) => {
      const { rows } = await c.query<{ requests: number; entries: number; chains: number; enterprises: number }>(
        `SELECT (SELECT count(*)::int FROM "Request") AS requests, (SELECT count(*)::int FROM "LedgerEntry") AS entries,
                (SELECT count(DISTINCT "requestId")::int FROM "LedgerEntry") AS chains, (SELECT count(*)::int FROM "Enterprise") AS enterprises`,
      );
      return rows;
    });
    expect(manifest.tables.Request!.rows).toBe(counts!.requests);
    expect(manifest.tables.LedgerEntry!.rows).toBe(counts!.entries);
    expect(manifest.tables.Enterprise!.rows).toBe(300);
    expect(manifest.tables._prisma_migrations!.rows).toBeGreaterThan(10);
    expect(manifest.ledger).toEqual({ chains: counts!.chains, entries: counts!.entries });
    expect(counts!.chains).toBeGreaterThan(250);
    const triggers = manifest.triggers.map((t) => `${t.table}.${t.name}`);
    expect(triggers).toEqual(expect.arrayContaining(PROTECTIVE_TRIGGERS));
    expect(manifest.attachments).toBe("database");
    expect(manifest.tables.AttachmentBlob!.rows).toBe(ATTACHMENT_NAMES.length);
    expect(manifest.files.map((f) => f.path)).toEqual(["database.dump"]);
    expect(manifest.files[0]!.bytes).toBeGreaterThan(100_000);
  });

  it("refuses a backup whose files differ from the manifest, and leaves the target empty", async () => {
    const file = path.join(backupDir, "database.dump");
    const original = await readFile(file);
    const tampered = Buffer.from(original);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = tampered[middle]! ^ 1;
    await writeFile(file, tampered);
    try {
      const restoring = restoreDatabase({ backupDir, url: target.ownerUrl, appRole: APP_ROLE, attachmentsDir: targetAttachments });
      await expect(restoring).rejects.toThrow(RestoreRefusedError);
      await expect(restoring).rejects.toThrow(/database\.dump.*sha256 differs/);
    } finally {
      await writeFile(file, original);
    }
    expect((await statsOf(target.ownerUrl)).tables).toEqual({});
  });

  it("refuses to restore as a superuser", async () => {
    await expect(
      restoreDatabase({ backupDir, url: withDatabase(adminUrl(), target.name), appRole: APP_ROLE, attachmentsDir: targetAttachments }),
    ).rejects.toThrow(/superuser/);
  });

  it("npm run db:restore restores into a fresh database and re-verifies it", async () => {
    const run = runScript("scripts/db/restore.ts", [backupDir], {
      DATABASE_OWNER_URL: target.ownerUrl,
      DATABASE_URL: target.appUrl,
      ATTACHMENTS_DIR: targetAttachments,
    });
    expect(run.status, run.out).toBe(0);
    expect(run.out).toMatch(new RegExp(`${manifest.ledger.chains} ledger chains \\(${manifest.ledger.entries} entries\\) verified`));
  });

  it("holds the same rows in every table, the same triggers and the same attachment files", async () => {
    const [before, after] = [await statsOf(source.ownerUrl), await statsOf(target.ownerUrl)];
    expect(Object.keys(after.tables).length).toBeGreaterThan(40);
    expect(after.tables).toEqual(before.tables);
    expect(after.tables).toEqual(manifest.tables);
    expect(after.triggers).toEqual(before.triggers);
    const blobs = (url: string) =>
      withClient(url, async (c) => (await c.query(`SELECT "storedName", md5("bytes") AS md5 FROM "AttachmentBlob" ORDER BY 1`)).rows);
    const restoredBlobs = await blobs(target.ownerUrl);
    expect(restoredBlobs.map((b) => b.storedName)).toEqual([...ATTACHMENT_NAMES].sort());
    expect(restoredBlobs).toEqual(await blobs(source.ownerUrl));
  });

  it("keeps every ledger chain intact", async () => {
    const ledger = await withPrisma(target.appUrl, (prisma) => verifyLedgerChains(prisma, { batch: 100 }));
    expect(ledger).toEqual({ chains: manifest.ledger.chains, entries: manifest.ledger.entries, broken: [] });
  });

  it("runs the portal on the copy as its own role: role check, health, dashboard, a workflow step", async () => {
    await withPrisma(target.appUrl, async (prisma) => {
      expect(await checkDatabaseRole(prisma)).toEqual({ role: APP_ROLE, problems: [] });
      const finance = await actor(prisma, "finance.admin");
      const restoredDashboard = await loadFinanceDashboard(prisma, finance, { now: NOW });
      const sourceDashboard = await withPrisma(source.appUrl, async (p) =>
        loadFinanceDashboard(p, await actor(p, "finance.admin"), { now: NOW }),
      );
      expect(unordered(restoredDashboard)).toEqual(unordered(sourceDashboard));

      const liaison = await actor(prisma, "bank.liaison");
      const item = await prisma.request.findFirstOrThrow({
        where: { status: "FORWARDED", assignedBankId: liaison.orgId },
        orderBy: { serial: "asc" },
        select: { id: true, version: true },
      });
      const signed = await signRequest(prisma, liaison, { requestId: item.id, version: item.version }, { now: NOW });
      expect(signed).toMatchObject({ status: "SIGNED", version: item.version + 1 });
      expect(await verifyRequestLedger(prisma, item.id)).toMatchObject({ ok: true, entries: item.version + 1 });
      // The append-only guard came back with its grants: the portal's role may not rewrite history.
      await expect(
        prisma.$executeRawUnsafe(`UPDATE "LedgerEntry" SET note = 'rewritten' WHERE "requestId" = $1::uuid`, item.id),
      ).rejects.toThrow();
    });
    // …and the owner is stopped by the restored trigger itself.
    await expect(withClient(target.ownerUrl, (c) => c.query(`DELETE FROM "LedgerEntry" WHERE seq = 1`))).rejects.toThrow(
      /append-only|not allowed|refuse/i,
    );

    process.env.DATABASE_URL = target.appUrl;
    delete (globalThis as { rongqiaoDb?: unknown }).rongqiaoDb;
    vi.resetModules();
    try {
      const { GET } = await import("@/app/api/health/route");
      const response = await GET(new Request("http://localhost/api/health"));
      expect(await response.json()).toEqual({ status: "ok", db: "ok" });
    } finally {
      await (globalThis as { rongqiaoDb?: PrismaClient }).rongqiaoDb?.$disconnect();
      delete (globalThis as { rongqiaoDb?: unknown }).rongqiaoDb;
      process.env.DATABASE_URL = inject("databaseUrl");
    }
  });

  it("would see the difference: after that step the copy no longer matches the backup", async () => {
    const problems = await verifyRestored(target.ownerUrl, manifest, APP_ROLE);
    expect(problems).toContain(
      `table LedgerEntry: ${manifest.tables.LedgerEntry!.rows + 1} rows, the backup has ${manifest.tables.LedgerEntry!.rows}`,
    );
    expect(problems).toContainEqual(expect.stringMatching(/^table Request: checksum /));
    expect(problems).toContainEqual(expect.stringMatching(/^ledger: \d+ chains/));
  });

  it("refuses a database that is not empty", async () => {
    await expect(
      restoreDatabase({ backupDir, url: target.ownerUrl, appRole: APP_ROLE, attachmentsDir: path.join(scratch, "elsewhere") }),
    ).rejects.toThrow(/not empty/);
  });
});
