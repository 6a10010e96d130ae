/**
 * Key-enterprise lists on a freshly seeded demo city: the demo lists are in every state;
 * the coverage tally the member triggers keep equals a recount of the members; a list
 * filled from a tag holds exactly the approved enterprises with the tag; an import reports
 * every USCC it did not add; the default assignment follows the 1+1 branch, else the
 * park's main bank; a bank sees and contacts only its own members; contacts are
 * append-only and the newest contact by day is the member's state.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { KeyListStatus } from "@/lib/generated/prisma/enums";
import { migrate } from "@/scripts/db/migrate";
import { DEMO_USERS } from "@/lib/seed/base";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";
import { seedDemoKeyLists } from "@/prisma/seed/seed-demo-key-lists";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { createKeyList } from "@/lib/key-lists/mutations/create-key-list";
import { assignKeyList, closeKeyList } from "@/lib/key-lists/mutations/key-list-steps";
import { recordKeyContact } from "@/lib/key-lists/mutations/record-key-contact";
import { reassignKeyMember } from "@/lib/key-lists/mutations/reassign-key-member";
import { listKeyListMembers } from "@/lib/key-lists/queries/list-key-list-members";
import { readKeyListCoverage } from "@/lib/key-lists/queries/read-key-list-coverage";
import { contactedOf } from "@/lib/key-lists/rules";
import { createFreshDatabase, type FreshDatabase } from "./harness";

const REFERENCE_DATE = "2026-12-05";
const NOW = new Date(`${REFERENCE_DATE}T12:00:00+08:00`);

async function actor(prisma: PrismaClient, account: string): Promise<TActorSource> {
  const u = await prisma.user.findUniqueOrThrow({
    where: { account },
    select: { id: true, orgId: true, role: true, org: { select: { kind: true } } },
  });
  return { userId: u.id, orgId: u.orgId, role: u.role, orgKind: u.org.kind };
}

const contact = (memberId: string, contactedOn: string, outcome: "CONNECTED" | "HAS_NEED" | "CREDIT_GRANTED" | "NO_NEED") => ({
  memberId,
  contactedOn,
  way: "PHONE" as const,
  outcome,
  need: null,
  needAmountFen: null,
  creditAmountFen: outcome === "CREDIT_GRANTED" ? "1000000" : null,
  note: null,
});

describe("key-enterprise lists", () => {
  let db: FreshDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createFreshDatabase("key-lists");
    await migrate(db.url, { onLog: () => {} });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    await seedDemoData(prisma, { referenceDate: REFERENCE_DATE });
    await seedDemoKeyLists(prisma, REFERENCE_DATE);
  }, 240_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  async function expectTallyMatchesRecount(): Promise<void> {
    const recount = await prisma.$queryRaw<{ listId: string; bankKey: string; members: number; contacted: number }[]>`
      SELECT "listId", COALESCE("bankOrgId", '00000000-0000-0000-0000-000000000000'::uuid)::text AS "bankKey",
             count(*)::int AS members, count("lastOutcome")::int AS contacted
      FROM "KeyListMember" GROUP BY 1, 2 ORDER BY 1, 2`;
    const tally = await prisma.$queryRaw<{ listId: string; bankKey: string; members: number; contacted: number }[]>`
      SELECT "listId", "bankKey"::text AS "bankKey", members, (connected + "hasNeed" + "creditGranted" + "noNeed") AS contacted
      FROM "KeyListTally" WHERE members <> 0 ORDER BY 1, 2`;
    expect(tally).toEqual(recount);
  }

  it("seeds a list in every state, with contacts in every outcome, and a tally equal to a recount", async () => {
    const lists = await prisma.keyList.findMany({ select: { status: true } });
    expect(new Set(lists.map((l) => l.status))).toEqual(new Set(Object.values(KeyListStatus)));
    const outcomes = await prisma.keyListContact.groupBy({ by: ["outcome"], _count: true });
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["CONNECTED", "CREDIT_GRANTED", "HAS_NEED", "NO_NEED"]);
    await expectTallyMatchesRecount();
    const liaison = await actor(prisma, DEMO_USERS.bankLiaison.account);
    const own = await readKeyListCoverage(prisma, liaison, { year: 2026 });
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((l) => l.status !== "DRAFT")).toBe(true);
    expect(own.some((l) => contactedOf(l.coverage) > 0)).toBe(true);
  });

  it("fills from a tag in one statement, assigns by default, lets only the member's bank contact it", async () => {
    const admin = await actor(prisma, DEMO_USERS.financeAdmin.account);
    const created = await createKeyList(
      prisma,
      admin,
      { name: "测试 科技型中小企业", year: 2026, source: "tag", tag: "科技型中小企业", usccs: [] },
      { now: NOW },
    );
    const [counted] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Enterprise" WHERE "registrationStatus" = 'APPROVED' AND '科技型中小企业' = ANY (tags)`;
    const n = counted!.n;
    expect(created.added).toBe(n);
    await expect(
      createKeyList(prisma, admin, { name: "测试 科技型中小企业", year: 2026, source: "tag", tag: "x", usccs: [] }, { now: NOW }),
    ).rejects.toMatchObject({ code: "invalidInput" });

    const { assigned, unassigned } = await assignKeyList(prisma, admin, { listId: created.listId, version: 1 }, { now: NOW });
    expect(assigned + unassigned).toBe(n);
    await expect(assignKeyList(prisma, admin, { listId: created.listId, version: 1 })).rejects.toMatchObject({ code: "conflict" });
    // Default: the 1+1 branch of the year where there is one, else the park's main bank.
    const wrong = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "KeyListMember" m JOIN "Enterprise" e ON e.id = m."enterpriseId"
      WHERE m."listId" = ${created.listId}::uuid AND m."bankOrgId" IS DISTINCT FROM COALESCE(
        (SELECT p."bankOrgId" FROM "EnterpriseBankPairing" p WHERE p."enterpriseId" = e.id AND p.year = 2026 AND p."endedAt" IS NULL ORDER BY p."createdAt", p.id LIMIT 1),
        (SELECT p."bankOrgId" FROM "ParkBankPairing" p WHERE p."parkId" = e."parkId" AND p.year = 2026 AND p.role = 'MAIN' AND p."endedAt" IS NULL LIMIT 1))`;
    expect(wrong[0]!.n).toBe(0);

    const liaison = await actor(prisma, DEMO_USERS.bankLiaison.account);
    const page = await listKeyListMembers(prisma, liaison, created.listId);
    expect(page.rows.length).toBeGreaterThan(0);
    const mine = await prisma.keyListMember.findMany({ where: { listId: created.listId, bankOrgId: liaison.orgId }, select: { id: true } });
    const mineIds = new Set(mine.map((m) => m.id));
    expect(page.rows.every((r) => mineIds.has(r.id))).toBe(true);
    expect(page.rows.length).toBe(Math.min(mine.length, 50));
    const other = await prisma.keyListMember.findFirstOrThrow({
      where: { listId: created.listId, bankOrgId: { not: liaison.orgId, notIn: [] }, NOT: { bankOrgId: null } },
      select: { id: true },
    });
    await expect(recordKeyContact(prisma, liaison, contact(other.id, "2026-12-01", "CONNECTED"), { now: NOW })).rejects.toMatchObject({
      code: "notFound",
    });

    const before = (await readKeyListCoverage(prisma, liaison, { listIds: [created.listId] }))[0]!.coverage;
    const member = mine[0]!;
    await recordKeyContact(prisma, liaison, contact(member.id, "2026-12-03", "HAS_NEED"), { now: NOW });
    // An older contact entered later does not overwrite the newer state.
    await recordKeyContact(prisma, liaison, contact(member.id, "2026-11-20", "NO_NEED"), { now: NOW });
    const after = (await readKeyListCoverage(prisma, liaison, { listIds: [created.listId] }))[0]!.coverage;
    expect(contactedOf(after)).toBe(contactedOf(before) + 1);
    expect(after.hasNeed).toBe(before.hasNeed + 1);
    const state = await prisma.keyListMember.findUniqueOrThrow({
      where: { id: member.id },
      select: { lastOutcome: true, contactCount: true },
    });
    expect(state).toEqual({ lastOutcome: "HAS_NEED", contactCount: 2 });

    // Moving a member moves its state in the tally; contacts are append-only.
    const otherBank = await prisma.keyListMember.findUniqueOrThrow({ where: { id: other.id }, select: { bankOrgId: true } });
    await reassignKeyMember(prisma, admin, { memberId: member.id, bankOrgId: otherBank.bankOrgId! });
    await expectTallyMatchesRecount();
    await expect(prisma.$executeRaw`UPDATE "KeyListContact" SET note = 'x'`).rejects.toThrow();

    await closeKeyList(prisma, admin, { listId: created.listId, version: 2 }, { now: NOW });
    await expect(recordKeyContact(prisma, liaison, contact(mine[1]!.id, "2026-12-03", "CONNECTED"), { now: NOW })).rejects.toMatchObject({
      code: "invalidState",
    });
  });

  it("assigns a list of thousands the moment it is filled, within the step's transaction time", async () => {
    // 8,000 approved enterprises with their own tag, each with a 1+1 branch of the year:
    // the list is filled and assigned at once, before the planner has statistics for the
    // new members (a plan that compared every member with every pairing ran past the
    // transaction's time limit at this size).
    const N = 8_000;
    const [program] = await prisma.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Program" ORDER BY year DESC LIMIT 1`;
    const [park] = await prisma.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Park" ORDER BY id LIMIT 1`;
    const banks = await prisma.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Organization" WHERE kind = 'BANK' ORDER BY id LIMIT 3`;
    await prisma.$executeRaw`
      INSERT INTO "Organization" (id, kind, name, "updatedAt")
      SELECT gen_random_uuid(), 'ENTERPRISE', '批量企业 ' || i, now() FROM generate_series(1, ${N}::int) i`;
    await prisma.$executeRaw`
      INSERT INTO "Enterprise" (id, "orgId", uscc, name, "parkId", "industrySection", size, tags, "registrationStatus", "updatedAt")
      SELECT gen_random_uuid(), o.id, '9143' || lpad(substr(o.name, 6), 14, '0'), o.name, ${park!.id}::uuid, 'C', 'SMALL',
             ARRAY['测试 批量名单'], 'APPROVED', now()
        FROM "Organization" o WHERE o.name LIKE '批量企业 %'`;
    await prisma.$executeRaw`
      INSERT INTO "EnterpriseBankPairing" (id, "programId", year, "bankOrgId", "enterpriseId", "accountManagerName")
      SELECT gen_random_uuid(), ${program!.id}::uuid, 2026, (${banks.map((b) => b.id)}::uuid[])[1 + abs(hashtext(e.id::text)) % ${banks.length}::int],
             e.id, '客户经理'
        FROM "Enterprise" e WHERE '测试 批量名单' = ANY (e.tags)`;

    const admin = await actor(prisma, DEMO_USERS.financeAdmin.account);
    const created = await createKeyList(
      prisma,
      admin,
      { name: "测试 批量名单", year: 2026, source: "tag", tag: "测试 批量名单", usccs: [] },
      { now: NOW },
    );
    expect(created.added).toBe(N);
    expect(await assignKeyList(prisma, admin, { listId: created.listId, version: 1 }, { now: NOW })).toEqual({
      assigned: N,
      unassigned: 0,
    });
    const [wrong] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "KeyListMember" m
      JOIN "EnterpriseBankPairing" p ON p."enterpriseId" = m."enterpriseId" AND p.year = 2026
      WHERE m."listId" = ${created.listId}::uuid AND m."bankOrgId" IS DISTINCT FROM p."bankOrgId"`;
    expect(wrong!.n).toBe(0);
    await expectTallyMatchesRecount();
  }, 60_000);

  it("reports every USCC an import did not add", async () => {
    const admin = await actor(prisma, DEMO_USERS.financeAdmin.account);
    const [a, b] = await prisma.enterprise.findMany({ where: { registrationStatus: "APPROVED" }, take: 2, select: { uscc: true } });
    const result = await createKeyList(
      prisma,
      admin,
      { name: "测试 导入", year: 2026, source: "import", tag: null, usccs: [a!.uscc, "91430900MA4X000000", a!.uscc, b!.uscc] },
      { now: NOW },
    );
    expect(result.added).toBe(2);
    expect(result.refused).toEqual([
      { line: 2, uscc: "91430900MA4X000000", reason: "unknown" },
      { line: 3, uscc: a!.uscc, reason: "duplicate" },
    ]);
  });
});
