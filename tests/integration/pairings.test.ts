/**
 * Pairings on the real database: the lock (from the day the
 * implementation phase starts only the finance office administrator may change a
 * pairing, and only with a reason, kept in changeReason and the audit log), changes
 * before the lock, exactly one main bank per park and year, a bank manager confined to
 * its own bank's 1+1 pairings, the scoped lists and the compliance query.
 *
 * The fixtures live in a program of a far-off year of their own, so other test files'
 * programs never interfere.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BankLevel, OrgKind, PairingRole, PhaseKind, RegistrationStatus, Role } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import {
  addOneOnOne,
  addParticipatingBank,
  endOneOnOne,
  removeParticipatingBank,
  setMainBank,
} from "@/lib/pairings/mutations/change-pairings";
import { loadComplianceGaps } from "@/lib/pairings/queries/load-compliance-gaps";
import { loadPairingContext } from "@/lib/pairings/queries/load-pairing-context";
import { getPairingProgram } from "@/lib/pairings/queries/get-pairing-program";
import { listOneOnOnePairings, listParkPairings } from "@/lib/pairings/queries/list-park-pairings";
import { TEST_META, testPrisma, uniqueTag } from "@/tests/factories/users";
import { refusalOf } from "@/tests/factories/requests";

let prisma: PrismaClient;
let tag: string;
let year: number;
let programId: string;
let BEFORE: Date; // preparation phase: not locked
let AFTER: Date; // implementation phase: locked

let admin: TActor;
let staff: TActor;
let managerA: TActor;
let liaisonA1: TActor;
let parkUser: TActor;
const ids = {} as Record<"bankA" | "bankA1" | "bankB" | "bankB1" | "bankC" | "park1" | "park2" | "ent1" | "ent2" | "ent3", string>;

async function org(kind: OrgKind, name: string, extra: { parentId?: string; bankLevel?: BankLevel } = {}): Promise<string> {
  return (await prisma.organization.create({ data: { kind, name: `${name} ${tag}`, ...extra }, select: { id: true } })).id;
}

async function actor(orgId: string, orgKind: OrgKind, role: Role, label: string): Promise<TActor> {
  const u = await prisma.user.create({
    data: { orgId, role, account: `pair.${label}.${tag}`, name: `结对${label}`, recoveryCodes: [] },
    select: { id: true },
  });
  return { userId: u.id, orgId, orgKind, role };
}

async function park(label: string): Promise<string> {
  const orgId = await org(OrgKind.PARK, `园区${label}`);
  return (await prisma.park.create({ data: { orgId, code: `T${label}${tag}` }, select: { id: true } })).id;
}

async function enterprise(label: string, parkId: string): Promise<string> {
  const orgId = await org(OrgKind.ENTERPRISE, `企业${label}`);
  const uscc = `91${tag}${label}`.toUpperCase().padEnd(18, "0").slice(0, 18);
  return (
    await prisma.enterprise.create({
      data: {
        orgId,
        uscc,
        name: `企业${label} ${tag}`,
        parkId,
        industrySection: "C",
        size: "SMALL",
        registrationStatus: RegistrationStatus.APPROVED,
      },
      select: { id: true },
    })
  ).id;
}

async function activeMains(parkId: string) {
  return prisma.parkBankPairing.findMany({ where: { programId, year, parkId, role: PairingRole.MAIN, endedAt: null } });
}

async function audits(action: string, targetId?: string) {
  return prisma.auditLog.findMany({
    where: { action, ...(targetId ? { targetId } : {}), actorOrgId: { in: [admin.orgId, managerA.orgId, staff.orgId] } },
    orderBy: { id: "asc" },
  });
}

beforeAll(async () => {
  prisma = testPrisma();
  tag = uniqueTag();
  year = 2200 + randomInt(0, 700);
  BEFORE = new Date(`${year}-03-10T02:00:00Z`);
  AFTER = new Date(`${year}-06-10T02:00:00Z`);
  programId = (
    await prisma.program.create({
      data: {
        name: `结对测试方案 ${tag}`,
        docNumber: `测〔${year}〕1号`,
        year,
        phases: {
          create: [
            { kind: PhaseKind.PREPARATION, startsOn: new Date(`${year}-02-01`), endsOn: new Date(`${year}-03-31`) },
            { kind: PhaseKind.IMPLEMENTATION, startsOn: new Date(`${year}-04-01`), endsOn: new Date(`${year}-11-30`) },
            { kind: PhaseKind.ASSESSMENT, startsOn: new Date(`${year}-12-01`), endsOn: new Date(`${year}-12-31`) },
          ],
        },
      },
      select: { id: true },
    })
  ).id;

  const finance = await org(OrgKind.FINANCE_OFFICE, "金融办");
  admin = await actor(finance, OrgKind.FINANCE_OFFICE, Role.FINANCE_ADMIN, "admin");
  staff = await actor(finance, OrgKind.FINANCE_OFFICE, Role.FINANCE_STAFF, "staff");
  ids.bankA = await org(OrgKind.BANK, "甲银行分行", { bankLevel: BankLevel.BRANCH });
  ids.bankA1 = await org(OrgKind.BANK, "甲银行一支行", { parentId: ids.bankA, bankLevel: BankLevel.SUB_BRANCH });
  ids.bankB = await org(OrgKind.BANK, "乙银行分行", { bankLevel: BankLevel.BRANCH });
  ids.bankB1 = await org(OrgKind.BANK, "乙银行一支行", { parentId: ids.bankB, bankLevel: BankLevel.SUB_BRANCH });
  ids.bankC = await org(OrgKind.BANK, "丙银行分行", { bankLevel: BankLevel.BRANCH });
  managerA = await actor(ids.bankA, OrgKind.BANK, Role.BANK_MANAGER, "managerA");
  liaisonA1 = await actor(ids.bankA1, OrgKind.BANK, Role.BANK_LIAISON, "liaisonA1");
  ids.park1 = await park("1");
  ids.park2 = await park("2");
  const park1Org = (await prisma.park.findUniqueOrThrow({ where: { id: ids.park1 }, select: { orgId: true } })).orgId;
  parkUser = await actor(park1Org, OrgKind.PARK, Role.PARK_STAFF, "park1");
  ids.ent1 = await enterprise("1", ids.park1);
  ids.ent2 = await enterprise("2", ids.park1);
  ids.ent3 = await enterprise("3", ids.park2);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("the program and its lock", () => {
  it("is the year's program, locked from the implementation phase's first day (Asia/Shanghai)", async () => {
    expect((await getPairingProgram(prisma, BEFORE))?.id).toBe(programId);
    expect((await getPairingProgram(prisma, BEFORE))?.locked).toBe(false);
    expect((await getPairingProgram(prisma, AFTER))?.locked).toBe(true);
    // 00:30 on April 1st in Shanghai is still March 31st in UTC.
    expect((await getPairingProgram(prisma, new Date(`${year}-03-31T16:30:00Z`)))?.locked).toBe(true);
    expect((await getPairingProgram(prisma, new Date(`${year}-03-31T15:30:00Z`)))?.locked).toBe(false);
  });
});

describe("before the lock", () => {
  it("changes work without a reason and are audited", async () => {
    const main = await setMainBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankA }, TEST_META, BEFORE);
    const part = await addParticipatingBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankB }, TEST_META, BEFORE);
    const one = await addOneOnOne(
      prisma,
      managerA,
      { bankOrgId: ids.bankA1, enterpriseId: ids.ent1, accountManagerName: "张客户", accountManagerMobile: "138 0013 8000" },
      TEST_META,
      BEFORE,
    );
    const rows = await prisma.parkBankPairing.findMany({ where: { id: { in: [main.pairingId, part.pairingId] } } });
    expect(rows.map((r) => [r.role, r.lockedAt, r.changeReason, r.endedAt]).sort()).toEqual([
      [PairingRole.MAIN, null, null, null],
      [PairingRole.PARTICIPATING, null, null, null],
    ]);
    const oneRow = await prisma.enterpriseBankPairing.findUniqueOrThrow({ where: { id: one.pairingId } });
    expect(oneRow.accountManagerMobile).toBe("13800138000");
    expect(await audits("pairings.mainBankSet", main.pairingId)).toHaveLength(1);
    expect(await audits("pairings.participatingAdded", part.pairingId)).toHaveLength(1);
    const [added] = await audits("pairings.oneOnOneAdded", one.pairingId);
    expect(added?.actorUserId).toBe(managerA.userId);
    expect(JSON.stringify(added?.details)).not.toContain("13800138000");
    expect(await audits("pairings.changedAfterLock", main.pairingId)).toHaveLength(0);
  });

  it("refuses duplicates and bad input", async () => {
    expect(await refusalOf(setMainBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankA }, TEST_META, BEFORE))).toEqual({
      code: "invalidInput",
      fieldErrors: { bankOrgId: "alreadyMain" },
    });
    expect(await refusalOf(addParticipatingBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankB }, TEST_META, BEFORE))).toEqual({
      code: "invalidInput",
      fieldErrors: { bankOrgId: "alreadyPaired" },
    });
    expect(
      (
        await refusalOf(
          addOneOnOne(
            prisma,
            admin,
            { bankOrgId: ids.bankA1, enterpriseId: ids.ent2, accountManagerName: "李", accountManagerMobile: "12345" },
            TEST_META,
            BEFORE,
          ),
        )
      ).fieldErrors,
    ).toEqual({ accountManagerMobile: "mobileInvalid" });
  });
});

describe("exactly one main bank per park and year", () => {
  it("replacing the main bank ends the old row instead of deleting it", async () => {
    const [oldMain] = await activeMains(ids.park1);
    await setMainBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankC }, TEST_META, BEFORE);
    const mains = await activeMains(ids.park1);
    expect(mains.map((m) => m.bankOrgId)).toEqual([ids.bankC]);
    const ended = await prisma.parkBankPairing.findUniqueOrThrow({ where: { id: oldMain!.id } });
    expect(ended.endedAt).not.toBeNull();
    // A participating bank promoted to main stops being a participant.
    await setMainBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankB }, TEST_META, BEFORE);
    expect((await activeMains(ids.park1)).map((m) => m.bankOrgId)).toEqual([ids.bankB]);
    expect(
      await prisma.parkBankPairing.count({ where: { programId, year, parkId: ids.park1, endedAt: null, role: PairingRole.PARTICIPATING } }),
    ).toBe(0);
    // And back to bank A: its ended row comes back.
    await setMainBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankA }, TEST_META, BEFORE);
    expect((await activeMains(ids.park1)).map((m) => m.id)).toEqual([oldMain!.id]);
  });

  it("holds when two administrators set different main banks at the same moment", async () => {
    const results = await Promise.allSettled([
      setMainBank(prisma, admin, { parkId: ids.park2, bankOrgId: ids.bankB }, TEST_META, BEFORE),
      setMainBank(prisma, admin, { parkId: ids.park2, bankOrgId: ids.bankC }, TEST_META, BEFORE),
    ]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await activeMains(ids.park2)).toHaveLength(1);
    expect(await prisma.parkBankPairing.count({ where: { programId, year, parkId: ids.park2, role: PairingRole.MAIN } })).toBe(2);
  });

  it("removing a participating bank ends its row; the main bank cannot be removed that way", async () => {
    const part = await addParticipatingBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankC }, TEST_META, BEFORE);
    await removeParticipatingBank(prisma, admin, { pairingId: part.pairingId }, TEST_META, BEFORE);
    expect((await prisma.parkBankPairing.findUniqueOrThrow({ where: { id: part.pairingId } })).endedAt).not.toBeNull();
    expect(await audits("pairings.participatingRemoved", part.pairingId)).toHaveLength(1);
    const [main] = await activeMains(ids.park1);
    expect((await refusalOf(removeParticipatingBank(prisma, admin, { pairingId: main!.id }, TEST_META, BEFORE))).code).toBe("notFound");
    // Added back for the views below.
    await addParticipatingBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankC }, TEST_META, BEFORE);
  });
});

describe("a bank manager and another bank's 1+1", () => {
  it("is not found, whether ending it or adding one for the other bank", async () => {
    const other = await addOneOnOne(
      prisma,
      admin,
      { bankOrgId: ids.bankB1, enterpriseId: ids.ent2, accountManagerName: "王经理", accountManagerMobile: "13900139000" },
      TEST_META,
      BEFORE,
    );
    expect((await refusalOf(endOneOnOne(prisma, managerA, { pairingId: other.pairingId }, TEST_META, BEFORE))).code).toBe("notFound");
    expect(
      (
        await refusalOf(
          addOneOnOne(
            prisma,
            managerA,
            { bankOrgId: ids.bankB1, enterpriseId: ids.ent3, accountManagerName: "赵", accountManagerMobile: "13700137000" },
            TEST_META,
            BEFORE,
          ),
        )
      ).code,
    ).toBe("notFound");
    expect((await prisma.enterpriseBankPairing.findUniqueOrThrow({ where: { id: other.pairingId } })).endedAt).toBeNull();
    // A liaison may not change 1+1 pairings at all.
    expect((await refusalOf(endOneOnOne(prisma, liaisonA1, { pairingId: other.pairingId }, TEST_META, BEFORE))).code).toBe("forbidden");
  });
});

describe("after the lock", () => {
  const REASON = "支行撤并，客户经理调离，经金融办同意调整";

  it("refuses a bank manager, even with a reason, and audits the attempt", async () => {
    const own = await prisma.enterpriseBankPairing.findFirstOrThrow({ where: { programId, year, bankOrgId: ids.bankA1, endedAt: null } });
    const err = await refusalOf(endOneOnOne(prisma, managerA, { pairingId: own.id, reason: REASON }, TEST_META, AFTER));
    expect(err.code).toBe("pairingsLocked");
    expect(
      (
        await refusalOf(
          addOneOnOne(
            prisma,
            managerA,
            {
              bankOrgId: ids.bankA1,
              enterpriseId: ids.ent2,
              accountManagerName: "孙",
              accountManagerMobile: "13600136000",
              reason: REASON,
            },
            TEST_META,
            AFTER,
          ),
        )
      ).code,
    ).toBe("pairingsLocked");
    expect((await prisma.enterpriseBankPairing.findUniqueOrThrow({ where: { id: own.id } })).endedAt).toBeNull();
    const denied = await prisma.auditLog.findMany({ where: { action: "denied.pairings.changedAfterLock", actorUserId: managerA.userId } });
    expect(denied.map((d) => d.outcome)).toEqual(["DENIED", "DENIED"]);
  });

  it("refuses finance office staff", async () => {
    const [main] = await activeMains(ids.park1);
    expect(
      (await refusalOf(setMainBank(prisma, staff, { parkId: ids.park1, bankOrgId: ids.bankC, reason: REASON }, TEST_META, AFTER))).code,
    ).toBe("forbidden");
    const own = await prisma.enterpriseBankPairing.findFirstOrThrow({ where: { programId, year, bankOrgId: ids.bankA1, endedAt: null } });
    expect((await refusalOf(endOneOnOne(prisma, staff, { pairingId: own.id, reason: REASON }, TEST_META, AFTER))).code).toBe("forbidden");
    expect((await activeMains(ids.park1)).map((m) => m.id)).toEqual([main!.id]);
  });

  it("asks the administrator for a reason of at least 5 characters", async () => {
    const [main] = await activeMains(ids.park1);
    for (const reason of [undefined, "", "   ", "调整一下"]) {
      expect(await refusalOf(setMainBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankC, reason }, TEST_META, AFTER))).toEqual({
        code: "invalidInput",
        fieldErrors: { reason: "reasonRequired" },
      });
    }
    expect((await activeMains(ids.park1)).map((m) => m.id)).toEqual([main!.id]);
  });

  it("lets the administrator change a pairing with a reason, kept on the row and in the audit log", async () => {
    const [oldMain] = await activeMains(ids.park1);
    const done = await setMainBank(prisma, admin, { parkId: ids.park1, bankOrgId: ids.bankB, reason: REASON }, TEST_META, AFTER);
    const row = await prisma.parkBankPairing.findUniqueOrThrow({ where: { id: done.pairingId } });
    expect([row.role, row.endedAt, row.changeReason]).toEqual([PairingRole.MAIN, null, REASON]);
    const old = await prisma.parkBankPairing.findUniqueOrThrow({ where: { id: oldMain!.id } });
    expect(old.endedAt).toEqual(AFTER);
    expect(old.changeReason).toBe(REASON);
    const [set] = await audits("pairings.mainBankSet", done.pairingId).then((a) => a.slice(-1));
    expect(set?.details).toMatchObject({ reason: REASON, afterLock: true, parkId: ids.park1, bankOrgId: ids.bankB });
    const [afterLock] = await audits("pairings.changedAfterLock", done.pairingId);
    expect(afterLock?.details).toMatchObject({ change: "pairings.mainBankSet", reason: REASON });
    expect(afterLock?.actorUserId).toBe(admin.userId);

    const own = await prisma.enterpriseBankPairing.findFirstOrThrow({
      where: { programId, year, bankOrgId: ids.bankA1, enterpriseId: ids.ent1, endedAt: null },
    });
    await endOneOnOne(prisma, admin, { pairingId: own.id, reason: REASON }, TEST_META, AFTER);
    const ended = await prisma.enterpriseBankPairing.findUniqueOrThrow({ where: { id: own.id } });
    expect([ended.endedAt, ended.changeReason]).toEqual([AFTER, REASON]);
    expect(await audits("pairings.oneOnOneEnded", own.id)).toHaveLength(1);
    expect(await audits("pairings.changedAfterLock", own.id)).toHaveLength(1);

    const added = await addOneOnOne(
      prisma,
      admin,
      { bankOrgId: ids.bankA1, enterpriseId: ids.ent1, accountManagerName: "新经理", accountManagerMobile: "13500135000", reason: REASON },
      TEST_META,
      AFTER,
    );
    expect(added.pairingId).toBe(own.id); // the same row, active again
    const back = await prisma.enterpriseBankPairing.findUniqueOrThrow({ where: { id: own.id } });
    expect([back.endedAt, back.accountManagerName, back.changeReason]).toEqual([null, "新经理", REASON]);
    expect(back.lockedAt).not.toBeNull();
  });
});

describe("who sees what", () => {
  it("shows a bank the parks paired with it or its branches, and its 1+1 pairings with masked mobiles", async () => {
    const program = (await getPairingProgram(prisma, AFTER))!;
    const ctxA = await loadPairingContext(prisma, managerA);
    expect([...(ctxA.bankOrgIds ?? [])].sort()).toEqual([ids.bankA, ids.bankA1].sort());
    // Bank A is no longer paired with any park (main bank moved to B, then C on park 2).
    const parksA = await listParkPairings(prisma, managerA, ctxA, program);
    expect(parksA.map((p) => p.parkId)).not.toContain(ids.park1);
    const oneA = await listOneOnOnePairings(prisma, managerA, ctxA, program);
    expect(oneA.map((r) => r.bankOrgId)).toEqual([ids.bankA1]);
    expect(oneA[0]?.accountManagerMobileMasked).toBe("135****5000");
    expect(JSON.stringify(oneA)).not.toContain("13500135000");

    const ctxPark = await loadPairingContext(prisma, parkUser);
    const parks = await listParkPairings(prisma, parkUser, ctxPark, program);
    expect(parks.map((p) => p.parkId)).toEqual([ids.park1]);
    expect(parks[0]?.main?.bankOrgId).toBe(ids.bankB);
    expect(parks[0]?.participating.map((b) => b.bankOrgId)).toEqual([ids.bankC]);
    const parkOne = await listOneOnOnePairings(prisma, parkUser, ctxPark, program);
    expect(new Set(parkOne.map((r) => r.enterpriseId))).toEqual(new Set([ids.ent1, ids.ent2]));

    const ctxB = { bankOrgIds: [ids.bankB1] };
    const liaisonB1: TActor = { ...liaisonA1, orgId: ids.bankB1 };
    expect((await listParkPairings(prisma, liaisonB1, ctxB, program)).map((p) => p.parkId)).toEqual([]);
    const bankB: TActor = { ...managerA, orgId: ids.bankB };
    const viaBranch = await listParkPairings(prisma, bankB, { bankOrgIds: [ids.bankB, ids.bankB1] }, program);
    expect(viaBranch.map((p) => p.parkId)).toContain(ids.park1);
  });
});

describe("compliance", () => {
  it("lists bank branches without a 1+1 enterprise and parks without a main bank, for the finance office only", async () => {
    const period = { programId, year };
    await prisma.parkBankPairing.updateMany({ where: { programId, year, parkId: ids.park2, endedAt: null }, data: { endedAt: AFTER } });
    const gaps = (await loadComplianceGaps(prisma, staff, period))!;
    const parks = gaps.parksWithoutMainBank.map((p) => p.parkId);
    expect(parks).toContain(ids.park2);
    expect(parks).not.toContain(ids.park1);
    const banks = gaps.banksWithoutOneOnOne.map((b) => b.orgId);
    expect(banks).toEqual(expect.arrayContaining([ids.bankA, ids.bankB, ids.bankC]));
    expect(banks).not.toContain(ids.bankA1);
    expect(banks).not.toContain(ids.bankB1);
    expect(await loadComplianceGaps(prisma, managerA, period)).toBeNull();
    expect(await loadComplianceGaps(prisma, parkUser, period)).toBeNull();
  });
});
