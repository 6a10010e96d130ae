/**
 * The session check reads the user's scope in the same statement as the session row
 * (loadSessionUser → scope); it must be exactly what loadScopeContext gives, for every
 * kind of organization, or a page would see another set of data than its actions. The
 * same statement counts the user's unread notifications for the header's bell and reads
 * every cache revision (calendar, program, rankings, the banks' records, the key lists' coverage), which a server compares with what it
 * keeps.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadSessionUser } from "@/lib/accounts/queries/load-session-user";
import type { TCacheName } from "@/lib/cache-revisions/queries/cache-revisions-of";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { unreadCount } from "@/lib/notifications/queries/list-notifications";
import { createRequestWorld, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

describe("the scope read with the session", () => {
  let prisma: PrismaClient;
  let world: TRequestWorld;
  beforeAll(async () => {
    prisma = testPrisma();
    // A year of its own: the world's program must not become another file's current one.
    world = await createRequestWorld(prisma, uniqueTag(), { year: 2039 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  /**
   * Runs each step as the portal's role and checks that the session statement then reads a
   * higher revision of `name` than before, equal to the row in CacheRevision.
   */
  async function expectEachStepRaises(name: TCacheName, steps: (() => Promise<unknown>)[]): Promise<void> {
    const owner = world.actors.enterpriseOwner;
    const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { sessionVersion: true } });
    const { id } = await prisma.session.create({ data: { userId: owner.userId, sessionVersion }, select: { id: true } });
    const revision = async () => {
      const result = await loadSessionUser(prisma, id);
      if (!result.ok) throw new Error(`session refused: ${result.reason}`);
      const [row] = await prisma.$queryRaw<{ r: string }[]>`SELECT "revision"::text AS r FROM "CacheRevision" WHERE "name" = ${name}`;
      expect(result.cacheRevisions[name]).toBe(row!.r);
      return BigInt(result.cacheRevisions[name]!);
    };
    let last = await revision();
    for (const step of steps) {
      await step();
      const now = await revision();
      expect(now > last).toBe(true);
      last = now;
    }
  }

  it("equals loadScopeContext for enterprise, park, bank (with branches), finance and central bank users", async () => {
    const a = world.actors;
    for (const actor of [a.enterpriseOwner, a.parkStaff, a.mainBankParentLiaison, a.mainBankLiaison, a.financeAdmin, a.centralBankStaff]) {
      const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } });
      const { id } = await prisma.session.create({ data: { userId: actor.userId, sessionVersion }, select: { id: true } });
      const result = await loadSessionUser(prisma, id);
      if (!result.ok) throw new Error(`session refused: ${result.reason}`);
      expect(result.scope, actor.role).toEqual(await loadScopeContext(prisma, actor));
    }
    const parent = await loadScopeContext(prisma, a.mainBankParentLiaison);
    expect([...(parent.bankOrgIds ?? [])].sort()).toEqual([world.mainBankOrgId, world.servicingBankOrgId].sort());
    expect(await loadScopeContext(prisma, a.parkStaff)).toEqual({ parkId: world.parkId });
    expect(await loadScopeContext(prisma, a.enterpriseOwner)).toEqual({ enterpriseId: world.enterpriseId });
  });

  it("counts the user's unread notifications as unreadCount does, read ones and other users' left out", async () => {
    const owner = world.actors.enterpriseOwner;
    const other = world.actors.parkStaff;
    const notice = (userId: string, read: boolean) => ({
      userId,
      kind: "test.unread",
      title: "未读计数",
      dedupeKey: `${userId}-${Math.random()}`,
      readAt: read ? new Date() : null,
    });
    await prisma.notification.createMany({
      data: [notice(owner.userId, false), notice(owner.userId, false), notice(owner.userId, true), notice(other.userId, false)],
    });
    const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { sessionVersion: true } });
    const { id } = await prisma.session.create({ data: { userId: owner.userId, sessionVersion }, select: { id: true } });
    const result = await loadSessionUser(prisma, id);
    if (!result.ok) throw new Error(`session refused: ${result.reason}`);
    const independent = await prisma.notification.count({ where: { userId: owner.userId, readAt: null } });
    expect(independent).toBeGreaterThanOrEqual(2);
    expect(result.unread).toBe(independent);
    expect(result.unread).toBe(await unreadCount(prisma, owner.userId));
  });

  it("reads the calendar's revision, which every change to CalendarDay or CalendarYear raises (as the portal's role)", async () => {
    // A far year nobody else's deadlines reach; each statement below must raise the number.
    const day = new Date("2091-03-05T00:00:00Z");
    const steps = [
      () => prisma.calendarDay.create({ data: { date: day, kind: "HOLIDAY", name: "修订号测试" } }),
      () => prisma.calendarDay.update({ where: { date: day }, data: { name: "修订号测试二" } }),
      () => prisma.calendarYear.create({ data: { year: 2091 } }),
      () => prisma.calendarYear.delete({ where: { year: 2091 } }),
      () => prisma.calendarDay.delete({ where: { date: day } }),
    ];
    await expectEachStepRaises("calendar", steps);
  });

  it("reads the programs' revision, which every change to Program, ProgramPhase or ProgramRuleVersion raises (as the portal's role)", async () => {
    // A far year's inactive program nobody else reads; each statement below must raise the number.
    let programId = "";
    const steps = [
      async () => {
        programId = (
          await prisma.program.create({
            data: { name: "修订号测试", docNumber: "测〔2091〕1号", year: 2091, active: false },
            select: { id: true },
          })
        ).id;
      },
      () => prisma.program.update({ where: { id: programId }, data: { name: "修订号测试二" } }),
      () =>
        prisma.programPhase.create({
          data: { programId, kind: "PREPARATION", startsOn: new Date("2091-01-01T00:00:00Z"), endsOn: new Date("2091-02-01T00:00:00Z") },
        }),
      () => prisma.programRuleVersion.create({ data: { programId, version: 1 } }),
      () => prisma.programRuleVersion.updateMany({ where: { programId }, data: { replyDeadlineDays: 4 } }),
      () => prisma.programPhase.deleteMany({ where: { programId } }),
    ];
    await expectEachStepRaises("program", steps);
  });

  it("reads the rankings' revision, which every change to Ranking or RankingEntry raises (as the portal's role)", async () => {
    // A draft of a far year nobody else reads; each statement below must raise the number.
    const program = await prisma.program.findFirstOrThrow({ select: { id: true } });
    const ruleSet =
      (await prisma.scoringRuleSet.findFirst({ where: { programId: program.id }, select: { id: true } })) ??
      (await prisma.scoringRuleSet.create({
        data: { programId: program.id, version: 9091, name: "修订号测试", rules: {} },
        select: { id: true },
      }));
    const bank = await prisma.organization.findFirstOrThrow({ where: { kind: "BANK" }, select: { id: true } });
    let rankingId = "";
    const steps = [
      async () => {
        rankingId = (
          await prisma.ranking.create({
            data: { programId: program.id, ruleSetId: ruleSet.id, year: 2091, quarter: 1 },
            select: { id: true },
          })
        ).id;
      },
      () => prisma.rankingEntry.create({ data: { rankingId, bankOrgId: bank.id, totalScore: "80.00", rank: 1, breakdown: {} } }),
      () => prisma.rankingEntry.updateMany({ where: { rankingId }, data: { rank: 2 } }),
      () => prisma.ranking.update({ where: { id: rankingId }, data: { computedAt: new Date() } }),
      () => prisma.rankingEntry.deleteMany({ where: { rankingId } }),
      () => prisma.ranking.delete({ where: { id: rankingId } }),
    ];
    await expectEachStepRaises("ranking", steps);
  });

  it("reads the banks' revision, which every change to the banks' standing records raises, but not an enterprise signing up (as the portal's role)", async () => {
    // A bank, a park and a program year of their own, far from what other files read.
    const tag = uniqueTag();
    let bankOrgId = "";
    let parkId = "";
    let submissionId = "";
    const steps = [
      async () => {
        bankOrgId = (await prisma.organization.create({ data: { kind: "BANK", name: `修订号测试银行${tag}` }, select: { id: true } })).id;
      },
      () => prisma.organization.update({ where: { id: bankOrgId }, data: { shortName: "修订号测试" } }),
      async () => {
        const org = await prisma.organization.create({ data: { kind: "PARK", name: `修订号测试园区${tag}` }, select: { id: true } });
        parkId = (await prisma.park.create({ data: { orgId: org.id, code: `RV${tag}` }, select: { id: true } })).id;
      },
      () => prisma.park.update({ where: { id: parkId }, data: { district: "修订号测试区" } }),
      () => prisma.parkBankPairing.create({ data: { programId: world.programId, year: 2091, parkId, bankOrgId, role: "PARTICIPATING" } }),
      () =>
        prisma.bankCreditTarget.create({
          data: {
            programId: world.programId,
            year: 2091,
            bankOrgId,
            version: 1,
            amountFen: 100n,
            borrowers: 1,
            firstLoans: 1,
            creditLoans: 1,
          },
        }),
      async () => {
        submissionId = (
          await prisma.quarterlySubmission.create({
            data: { programId: world.programId, bankOrgId, year: 2091, quarter: 1 },
            select: { id: true },
          })
        ).id;
      },
      () =>
        prisma.quarterlyParkFigure.create({
          data: { submissionId, parkId, loanBalanceFen: 1n, loanIncrementFen: 1n, borrowers: 1, firstLoans: 1, creditLoans: 1 },
        }),
      () => prisma.quarterlySubmission.update({ where: { id: submissionId }, data: { status: "SUBMITTED" } }),
      () =>
        prisma.summons.create({
          data: {
            programId: world.programId,
            bankOrgId,
            year: 2091,
            quarter: 1,
            heldOn: new Date("2091-04-20T00:00:00Z"),
            dueOn: new Date("2091-05-20T00:00:00Z"),
            attendees: "修订号测试",
            issues: "修订号测试",
            openedById: world.actors.financeAdmin.userId,
          },
        }),
      () => prisma.program.update({ where: { id: world.programId }, data: { updatedAt: new Date() } }),
    ];
    await expectEachStepRaises("banks", steps);

    const banksRevision = async () =>
      (await prisma.$queryRaw<{ r: string }[]>`SELECT "revision"::text AS r FROM "CacheRevision" WHERE "name" = 'banks'`)[0]!.r;
    const before = await banksRevision();
    const enterprise = await prisma.organization.create({
      data: { kind: "ENTERPRISE", name: `修订号测试企业${tag}` },
      select: { id: true },
    });
    await prisma.organization.update({ where: { id: enterprise.id }, data: { name: `修订号测试企业二${tag}` } });
    expect(await banksRevision()).toBe(before);
  });

  it("reads the key lists' revision, which every change to a list or its coverage tally raises, a recorded contact included (as the portal's role)", async () => {
    const tag = uniqueTag();
    let listId = "";
    let memberId = "";
    const steps = [
      async () => {
        listId = (
          await prisma.keyList.create({
            data: { programId: world.programId, year: 2091, name: `修订号测试名单${tag}`, createdById: world.actors.financeAdmin.userId },
            select: { id: true },
          })
        ).id;
      },
      () => prisma.keyList.update({ where: { id: listId }, data: { status: "ASSIGNED", assignedAt: new Date() } }),
      // The member triggers write the tally: adding a member, assigning it and its latest
      // contact's outcome each change the coverage the dashboards show.
      async () => {
        memberId = (
          await prisma.keyListMember.create({
            data: { listId, enterpriseId: world.enterpriseId, uscc: `91${tag}`.padEnd(18, "0").slice(0, 18) },
            select: { id: true },
          })
        ).id;
      },
      () => prisma.keyListMember.update({ where: { id: memberId }, data: { bankOrgId: world.mainBankOrgId } }),
      () =>
        prisma.keyListMember.update({
          where: { id: memberId },
          data: { lastOutcome: "HAS_NEED", lastContactedOn: new Date("2091-03-02T00:00:00Z"), contactCount: 1 },
        }),
      () => prisma.keyList.update({ where: { id: listId }, data: { status: "CLOSED", closedAt: new Date() } }),
    ];
    await expectEachStepRaises("keyLists", steps);
  });

  it("answers a malformed session id as missing without asking the database to parse it", async () => {
    expect(await loadSessionUser(prisma, "not-a-uuid")).toStrictEqual({ ok: false, reason: "missing" });
  });
});
