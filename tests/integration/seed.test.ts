/**
 * The demo seed on a real, freshly migrated database of its own (the run's shared database
 * has other tests' rows, and the seed only fills an empty one).
 */
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, demoTotpSecret } from "@/lib/seed/credentials";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloseReason, OrgKind, PrismaClient, RegistrationStatus, RequestStatus, Role } from "@/lib/generated/prisma/client";
import { verifyChain } from "@/lib/ledger/hash";
import { checkLedgerIntegrity } from "@/lib/ledger/mutations/check-ledger-integrity";
import { isValidUscc } from "@/lib/registry/uscc";
import { generateSeedData, resolveSeedOptions } from "@/lib/seed/generate";
import { SeedRefusedError, isDatabaseSeeded, seedDemoData, type TSeedSummary } from "@/prisma/seed/seed-demo-data";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, withClient, type FreshDatabase } from "./harness";

const REFERENCE_DATE = "2026-05-20";

describe("npm run db:seed (seedDemoData) on a fresh database", () => {
  let db: FreshDatabase;
  let prisma: PrismaClient;
  let summary: TSeedSummary;
  let seededEmpty: boolean;
  const outsideDemoMode: unknown[] = [];

  beforeAll(async () => {
    db = await createFreshDatabase("seed");
    await migrate(db.url, { onLog: () => {} });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    // As a production start would: DEMO_MODE off, then unset (NODE_ENV is "test" here).
    const demoMode = process.env.DEMO_MODE;
    for (const value of ["false", undefined]) {
      if (value === undefined) delete process.env.DEMO_MODE;
      else process.env.DEMO_MODE = value;
      outsideDemoMode.push(
        await seedDemoData(prisma, { referenceDate: REFERENCE_DATE }).then(
          () => "seeded",
          (e: unknown) => e,
        ),
      );
    }
    process.env.DEMO_MODE = demoMode;
    seededEmpty = await isDatabaseSeeded(prisma);
    summary = await seedDemoData(prisma, { referenceDate: REFERENCE_DATE });
  }, 180_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("refuses to seed outside demo mode, writing nothing", () => {
    expect(outsideDemoMode).toHaveLength(2);
    for (const answer of outsideDemoMode) {
      expect(answer).toBeInstanceOf(SeedRefusedError);
      expect((answer as Error).message).toMatch(/DEMO_MODE=true/);
    }
    // seededEmpty was read after both refusals.
    expect(seededEmpty).toBe(false);
  });

  it("reports an empty database as not seeded, then as seeded", async () => {
    expect(seededEmpty).toBe(false);
    expect(await isDatabaseSeeded(prisma)).toBe(true);
  });

  it("writes 10 parks, 12 top-level banks with sub-branches, 300 enterprises", async () => {
    expect(await prisma.park.count()).toBe(10);
    expect(await prisma.organization.count({ where: { kind: OrgKind.PARK } })).toBe(10);
    expect(await prisma.organization.count({ where: { kind: OrgKind.BANK, parentId: null } })).toBe(12);
    expect(await prisma.organization.count({ where: { kind: OrgKind.BANK, bankLevel: "SUB_BRANCH" } })).toBeGreaterThanOrEqual(24);
    expect(await prisma.enterprise.count()).toBe(300);
    expect(summary.counts.enterprise).toBe(300);
    expect(await prisma.request.count()).toBe(summary.counts.request);
    expect(await prisma.ledgerEntry.count()).toBe(summary.counts.ledgerEntry);
    const program = await prisma.program.findFirstOrThrow({ include: { phases: true, ruleVersions: true, scoringRuleSets: true } });
    expect(program).toMatchObject({ name: "云溪市“两进两促”金融服务实体经济行动", year: 2026 });
    expect(program.phases).toHaveLength(3);
    expect(program.ruleVersions[0]?.replyDeadlineDays).toBe(5);
    expect(program.scoringRuleSets).toHaveLength(1);
  });

  it("has every request status, and every close reason", async () => {
    const byStatus = await prisma.request.groupBy({ by: ["status"], _count: true });
    expect(new Set(byStatus.map((g) => g.status))).toEqual(new Set(Object.values(RequestStatus)));
    const reasons = await prisma.request.groupBy({ by: ["closeReason"], where: { status: RequestStatus.CLOSED }, _count: true });
    expect(new Set(reasons.map((g) => g.closeReason))).toEqual(new Set(Object.values(CloseReason)));
  });

  it("keeps every ledger contiguous, hash-chained and consistent with its request, as read back", async () => {
    const entries = await prisma.ledgerEntry.findMany({ orderBy: [{ requestId: "asc" }, { seq: "asc" }] });
    const requests = new Map((await prisma.request.findMany({ select: { id: true, status: true, version: true } })).map((r) => [r.id, r]));
    const byRequest = new Map<string, typeof entries>();
    for (const e of entries) {
      const list = byRequest.get(e.requestId) ?? [];
      list.push(e);
      byRequest.set(e.requestId, list);
    }
    let checked = 0;
    for (const [requestId, list] of byRequest) {
      expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 1));
      expect(verifyChain(list), requestId).toBe(-1);
      const request = requests.get(requestId)!;
      expect(list.at(-1)!.toStatus).toBe(request.status);
      expect(request.version).toBe(list.length);
      checked++;
    }
    // Only drafts have no ledger.
    const withoutLedger = [...requests.values()].filter((r) => !byRequest.has(r.id));
    expect(withoutLedger.every((r) => r.status === RequestStatus.DRAFT)).toBe(true);
    expect(checked).toBeGreaterThan(250);
  });

  it("stores valid, unique unified social credit codes", async () => {
    const codes = await prisma.enterprise.findMany({ select: { uscc: true } });
    expect(codes).toHaveLength(300);
    for (const { uscc } of codes) expect(isValidUscc(uscc), uscc).toBe(true);
  });

  it("has the five demo accounts with the right roles and organizations", async () => {
    const users = await prisma.user.findMany({
      where: { account: { in: ["finance.admin", "pbc.staff", "bank.liaison", "park.window", "enterprise.owner"] } },
      select: {
        account: true,
        role: true,
        passwordHash: true,
        totpSecret: true,
        totpEnabledAt: true,
        org: { select: { id: true, kind: true, name: true, bankLevel: true } },
      },
    });
    const by = new Map(users.map((u) => [u.account, u]));
    expect(by.get("finance.admin")).toMatchObject({ role: Role.FINANCE_ADMIN, org: { name: "云溪市地方金融管理局" } });
    expect(by.get("pbc.staff")).toMatchObject({ role: Role.CENTRAL_BANK_STAFF, org: { kind: OrgKind.CENTRAL_BANK } });
    expect(by.get("bank.liaison")).toMatchObject({ role: Role.BANK_LIAISON, org: { kind: OrgKind.BANK, bankLevel: "SUB_BRANCH" } });
    expect(by.get("park.window")).toMatchObject({ role: Role.PARK_STAFF, org: { kind: OrgKind.PARK } });
    expect(by.get("enterprise.owner")).toMatchObject({ role: Role.ENTERPRISE_OWNER, org: { kind: OrgKind.ENTERPRISE } });
    // Every demo login signs in with the demo password; staff logins have TOTP on, with
    // the secret `npm run demo:totp` derives; the enterprise owner does not need one.
    for (const u of users) expect(await verifyPassword(u.passwordHash, DEMO_PASSWORD), u.account).toBe(true);
    for (const u of users) expect(await verifyPassword(u.passwordHash, "Rongqiao@2025"), u.account).toBe(false);
    for (const account of ["finance.admin", "pbc.staff", "bank.liaison", "park.window"]) {
      expect(by.get(account)?.totpSecret, account).toBe(demoTotpSecret(summary.options.seed, account));
      expect(by.get(account)?.totpEnabledAt, account).not.toBeNull();
    }
    expect(by.get("enterprise.owner")?.totpEnabledAt).toBeNull();
    expect(summary.demoAccounts.map((a) => a.account)).toEqual([
      "finance.admin",
      "pbc.staff",
      "bank.liaison",
      "park.window",
      "enterprise.owner",
      "enterprise.member",
    ]);

    // enterprise.owner: approved, in park no. 1, requests in several states routed to bank.liaison.
    const ent = await prisma.enterprise.findUniqueOrThrow({
      where: { orgId: by.get("enterprise.owner")!.org.id },
      include: { park: true },
    });
    expect(ent.registrationStatus).toBe(RegistrationStatus.APPROVED);
    expect(ent.park.code).toBe("YX01");
    expect(ent.park.orgId).toBe(by.get("park.window")!.org.id);
    const states = await prisma.request.groupBy({ by: ["status"], where: { enterpriseId: ent.id }, _count: true });
    expect(states.length).toBe(Object.values(RequestStatus).length);
    const atLiaison = await prisma.request.groupBy({
      by: ["status"],
      where: { assignedBankId: by.get("bank.liaison")!.org.id },
      _count: true,
    });
    expect(atLiaison.length).toBeGreaterThanOrEqual(6);
  });

  it("keeps money as BigInt fen and rates as 4-decimal percentages", async () => {
    const loan = await prisma.loanOutcome.findFirstOrThrow({ where: { requestId: { not: null } }, include: { request: true } });
    expect(typeof loan.amountFen).toBe("bigint");
    expect(loan.annualRate.toFixed(4)).toMatch(/^\d\.\d{4}$/);
    expect(loan.request?.answerKind).toBe("GRANTED");
  });

  it("stores exactly the generated values (dates, BigInt, Decimal, arrays, Json)", async () => {
    const generated = generateSeedData(resolveSeedOptions({ referenceDate: REFERENCE_DATE }));
    const norm = (v: unknown): unknown => {
      if (v instanceof Date) return v.toISOString();
      if (typeof v === "bigint") return v.toString();
      if (v !== null && typeof v === "object" && "toFixed" in v) return (v as { toFixed(n: number): string }).toFixed(4);
      if (Array.isArray(v)) return v.map(norm);
      return v ?? null;
    };
    const compare = (table: string, want: object[], got: Array<Record<string, unknown>>, key: (r: Record<string, unknown>) => string) => {
      const byKey = new Map(got.map((r) => [key(r), r]));
      expect(got.length, table).toBe(want.length);
      for (const w of want as Array<Record<string, unknown>>) {
        const g = byKey.get(key(w));
        expect(g, `${table} ${key(w)}`).toBeDefined();
        for (const [col, value] of Object.entries(w)) expect(norm(g![col]), `${table}.${col}`).toEqual(norm(value));
      }
    };
    compare("enterprise", generated.enterprise, await prisma.enterprise.findMany(), (r) => r.id as string);
    compare("request", generated.request, await prisma.request.findMany(), (r) => r.id as string);
    compare("loanOutcome", generated.loanOutcome, await prisma.loanOutcome.findMany(), (r) => r.id as string);
    compare(
      "ledgerEntry",
      generated.ledgerEntry,
      await prisma.ledgerEntry.findMany(),
      (r) => `${r.requestId as string}#${r.seq as number}`,
    );
    compare("user", generated.user, await prisma.user.findMany(), (r) => r.id as string);
    compare("calendarDay", generated.calendarDay, await prisma.calendarDay.findMany(), (r) => (r.date as Date).toISOString());
    compare("quarterlyParkFigure", generated.quarterlyParkFigure, await prisma.quarterlyParkFigure.findMany(), (r) => r.id as string);
    compare("scoringRuleSet", generated.scoringRuleSet, await prisma.scoringRuleSet.findMany(), (r) => r.id as string);
  });

  it("writes the same bytes every time: a second database seeded with the same options is identical", async () => {
    const other = await createFreshDatabase("seed2");
    try {
      await migrate(other.url, { onLog: () => {} });
      const p2 = new PrismaClient({ adapter: new PrismaPg({ connectionString: other.url }) });
      try {
        await seedDemoData(p2, { referenceDate: REFERENCE_DATE });
      } finally {
        await p2.$disconnect();
      }
      const fingerprint = (url: string) =>
        withClient(url, async (c) => {
          const { rows } = await c.query<{ table: string }>(
            "SELECT table_name AS table FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1",
          );
          const out: Record<string, string> = {};
          for (const { table } of rows) {
            const r = await c.query<{ h: string | null }>(
              `SELECT md5(string_agg(x::text, E'\\n' ORDER BY x::text)) AS h FROM "${table}" x`,
            );
            out[table] = r.rows[0]?.h ?? "empty";
          }
          return out;
        });
      expect(await fingerprint(other.url)).toEqual(await fingerprint(db.url));
    } finally {
      await other.drop();
    }
  });

  it("refuses to seed again and writes nothing", async () => {
    const before = await prisma.organization.count();
    await expect(seedDemoData(prisma, { referenceDate: REFERENCE_DATE })).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await prisma.organization.count()).toBe(before);
  });

  // Last: the check writes its progress and an anchor, which the comparison above would see.
  it("passes the ledger's integrity check, entry by entry and chain by chain", async () => {
    const result = await checkLedgerIntegrity(prisma, { now: new Date(Date.now() + 86_400_000), entryBatch: 100_000, sweepBatch: 100_000 });
    expect(result.checkedEntries).toBe(await prisma.ledgerEntry.count());
    expect(result.newIssues).toBe(0);
  });
});
