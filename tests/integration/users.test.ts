/**
 * User and organization management on the real database: who may
 * manage whom (own org; a parent bank's manager also its branches), that another
 * tenant's user is "not found", that deactivation and resets end sessions at once, that
 * nobody hands out a role above their own, and that showing personal data is scoped and
 * audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BankLevel, OrgKind, Role } from "@/lib/generated/prisma/enums";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { createOrganization } from "@/lib/accounts/mutations/create-organization";
import {
  TEMPORARY_PASSWORD_LENGTH,
  changeUserRole,
  createUser,
  deactivateUser,
  generateTemporaryPassword,
  reactivateUser,
  resetUserPassword,
  resetUserTotp,
} from "@/lib/accounts/mutations/manage-users";
import {
  getManageableUser,
  listManageableOrgs,
  listManageableUsers,
  loadUserScopeContext,
} from "@/lib/accounts/queries/list-manageable-users";
import { listOrganizations } from "@/lib/accounts/queries/list-organizations";
import { loadSessionUser } from "@/lib/accounts/queries/load-session-user";
import { ZCreateOrganizationInput, nestUserFields } from "@/lib/accounts/schemas";
import { characterClasses, checkPasswordPolicy, hashPassword, verifyPassword } from "@/lib/auth/password";
import type { TActor } from "@/lib/auth/permissions";
import { revealUserPii } from "@/lib/privacy/mutations/reveal-user-pii";
import { GOOD_PASSWORD, TEST_META, testPrisma, uniqueTag } from "@/tests/factories/users";
import { refusalOf } from "@/tests/factories/requests";

type TFixtureUser = TActor & { account: string; password: string };

let prisma: PrismaClient;
let tag: string;
let mobileSeq = 0;
let passwordHash: string;

// 11-digit mobiles unique to this run (the column is unique across the shared database).
function mobile(): string {
  const base = parseInt(tag.slice(0, 4), 16) % 10000;
  return `139${String(base).padStart(4, "0")}${String(mobileSeq++).padStart(4, "0")}`;
}

async function org(kind: OrgKind, name: string, extra: { parentId?: string; bankLevel?: BankLevel } = {}): Promise<string> {
  const o = await prisma.organization.create({ data: { kind, name: `${name} ${tag}`, ...extra }, select: { id: true } });
  return o.id;
}

async function user(orgId: string, orgKind: OrgKind, role: Role, label: string, extra: { idNumber?: string } = {}): Promise<TFixtureUser> {
  const account = `${label}.${tag}`;
  const u = await prisma.user.create({
    data: {
      orgId,
      role,
      account,
      name: `用户${label}`,
      mobile: mobile(),
      idNumber: extra.idNumber ?? null,
      passwordHash,
      recoveryCodes: [],
    },
    select: { id: true },
  });
  return { userId: u.id, orgId, orgKind, role, account, password: GOOD_PASSWORD };
}

async function session(u: { userId: string }): Promise<string> {
  const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: u.userId }, select: { sessionVersion: true } });
  const s = await prisma.session.create({ data: { userId: u.userId, sessionVersion }, select: { id: true } });
  return s.id;
}

const auditRows = (action: string, targetId: string) =>
  prisma.auditLog.findMany({ where: { action, targetId }, select: { actorUserId: true, details: true, outcome: true } });

// The fixture: a finance office; bank A (分行) with sub-branch A1; bank B; parks P and Q.
let finance: { orgId: string; admin: TFixtureUser; staff: TFixtureUser };
let bankA: { orgId: string; manager: TFixtureUser; liaison: TFixtureUser };
let branchA1: { orgId: string; manager: TFixtureUser; liaison: TFixtureUser };
let bankB: { orgId: string; manager: TFixtureUser; liaison: TFixtureUser };
let parkP: { orgId: string; staff: TFixtureUser; colleague: TFixtureUser };
let parkQ: { orgId: string; staff: TFixtureUser };
let enterprise: { orgId: string; owner: TFixtureUser };

beforeAll(async () => {
  prisma = testPrisma();
  tag = uniqueTag();
  passwordHash = await hashPassword(GOOD_PASSWORD);

  const financeOrg = await org(OrgKind.FINANCE_OFFICE, "测试金融办");
  finance = {
    orgId: financeOrg,
    admin: await user(financeOrg, OrgKind.FINANCE_OFFICE, Role.FINANCE_ADMIN, "fa"),
    staff: await user(financeOrg, OrgKind.FINANCE_OFFICE, Role.FINANCE_STAFF, "fs"),
  };
  const a = await org(OrgKind.BANK, "测试银行A分行", { bankLevel: BankLevel.BRANCH });
  const a1 = await org(OrgKind.BANK, "测试银行A一支行", { bankLevel: BankLevel.SUB_BRANCH, parentId: a });
  const b = await org(OrgKind.BANK, "测试银行B分行", { bankLevel: BankLevel.BRANCH });
  bankA = {
    orgId: a,
    manager: await user(a, OrgKind.BANK, Role.BANK_MANAGER, "am"),
    liaison: await user(a, OrgKind.BANK, Role.BANK_LIAISON, "al", { idNumber: "430102199001011234" }),
  };
  branchA1 = {
    orgId: a1,
    manager: await user(a1, OrgKind.BANK, Role.BANK_MANAGER, "a1m"),
    liaison: await user(a1, OrgKind.BANK, Role.BANK_LIAISON, "a1l", { idNumber: "43010219900101567X" }),
  };
  bankB = {
    orgId: b,
    manager: await user(b, OrgKind.BANK, Role.BANK_MANAGER, "bm"),
    liaison: await user(b, OrgKind.BANK, Role.BANK_LIAISON, "bl"),
  };
  const p = await org(OrgKind.PARK, "测试园区P");
  const q = await org(OrgKind.PARK, "测试园区Q");
  parkP = {
    orgId: p,
    staff: await user(p, OrgKind.PARK, Role.PARK_STAFF, "ps"),
    colleague: await user(p, OrgKind.PARK, Role.PARK_STAFF, "ps2"),
  };
  parkQ = { orgId: q, staff: await user(q, OrgKind.PARK, Role.PARK_STAFF, "qs") };
  const e = await org(OrgKind.ENTERPRISE, "测试企业");
  enterprise = { orgId: e, owner: await user(e, OrgKind.ENTERPRISE, Role.ENTERPRISE_OWNER, "eo") };
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("temporary passwords", () => {
  it("are 16 random characters of all four classes that the password policy accepts", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateTemporaryPassword({ account: "someone.bank", name: "某人" });
      expect(p).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
      expect(p.length).toBeGreaterThanOrEqual(12);
      expect(characterClasses(p)).toBe(4);
      expect(checkPasswordPolicy(p, { account: "someone.bank", name: "某人" })).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});

describe("scope: whose users an actor manages", () => {
  it("a parent bank's manager covers its own bank and its branches, nothing else", async () => {
    const ctx = await loadUserScopeContext(prisma, bankA.manager);
    expect([...(ctx.manageableOrgIds ?? [])].sort()).toEqual([bankA.orgId, branchA1.orgId].sort());
    const list = await listManageableUsers(prisma, bankA.manager, ctx, { q: tag });
    const accounts = list.rows.map((r) => r.account);
    expect(accounts).toEqual(expect.arrayContaining([bankA.liaison.account, branchA1.liaison.account, branchA1.manager.account]));
    expect(accounts).not.toContain(bankB.liaison.account);
    expect(accounts.every((a) => !a.startsWith("ps."))).toBe(true);
    // Masked on the way out.
    const row = list.rows.find((r) => r.account === branchA1.liaison.account)!;
    expect(row.mobileMasked).toMatch(/^139\*{4}\d{4}$/);
    expect(row.idNumberMasked).toBe("430102********567X");
    expect(JSON.stringify(list.rows)).not.toContain("43010219900101567X");
  });

  it("a branch's manager does not reach up to its parent bank", async () => {
    const ctx = await loadUserScopeContext(prisma, branchA1.manager);
    expect(ctx.manageableOrgIds).toEqual([branchA1.orgId]);
    expect(await getManageableUser(prisma, branchA1.manager, ctx, bankA.liaison.userId)).toBeNull();
    expect((await refusalOf(resetUserTotp(prisma, branchA1.manager, { userId: bankA.liaison.userId }, TEST_META))).code).toBe("notFound");
  });

  it("a parent bank's manager manages a branch user but another bank's user is not found", async () => {
    await resetUserTotp(prisma, bankA.manager, { userId: branchA1.liaison.userId }, TEST_META);
    expect(await auditRows("users.totpReset", branchA1.liaison.userId)).toHaveLength(1);

    for (const work of [
      () => deactivateUser(prisma, bankA.manager, { userId: bankB.liaison.userId }, TEST_META),
      () => resetUserPassword(prisma, bankA.manager, { userId: bankB.liaison.userId }, TEST_META),
      () => resetUserTotp(prisma, bankA.manager, { userId: bankB.liaison.userId }, TEST_META),
      () => changeUserRole(prisma, bankA.manager, { userId: bankB.liaison.userId, role: Role.BANK_MANAGER }, TEST_META),
    ]) {
      expect((await refusalOf(work())).code).toBe("notFound");
    }
    // An unknown id gets the very same answer.
    expect((await refusalOf(deactivateUser(prisma, bankA.manager, { userId: crypto.randomUUID() }, TEST_META))).code).toBe("notFound");
    const b = await prisma.user.findUniqueOrThrow({ where: { id: bankB.liaison.userId }, select: { active: true, sessionVersion: true } });
    expect(b).toEqual({ active: true, sessionVersion: 0 });
  });

  it("park staff cannot touch another park's users, nor create users there", async () => {
    for (const work of [
      () => deactivateUser(prisma, parkP.staff, { userId: parkQ.staff.userId }, TEST_META),
      () => resetUserPassword(prisma, parkP.staff, { userId: parkQ.staff.userId }, TEST_META),
      () => resetUserTotp(prisma, parkP.staff, { userId: parkQ.staff.userId }, TEST_META),
      () =>
        createUser(
          prisma,
          parkP.staff,
          { orgId: parkQ.orgId, role: Role.PARK_STAFF, name: "越权", account: `x.${tag}`, mobile: mobile() },
          TEST_META,
        ),
    ]) {
      expect((await refusalOf(work())).code).toBe("notFound");
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: parkQ.staff.userId } })).active).toBe(true);
    // Its own colleague is fine.
    const ctx = await loadUserScopeContext(prisma, parkP.staff);
    expect(await getManageableUser(prisma, parkP.staff, ctx, parkP.colleague.userId)).not.toBeNull();
    expect(await getManageableUser(prisma, parkP.staff, ctx, parkQ.staff.userId)).toBeNull();
  });

  it("roles without users.manageOwnOrg manage nobody", async () => {
    const ctx = await loadUserScopeContext(prisma, bankA.liaison);
    expect((await listManageableUsers(prisma, bankA.liaison, ctx)).rows).toEqual([]);
    expect(await listManageableOrgs(prisma, bankA.liaison, ctx)).toEqual([]);
    expect((await refusalOf(deactivateUser(prisma, finance.staff, { userId: parkQ.staff.userId }, TEST_META))).code).toBe("notFound");
  });
});

describe("creating users and changing roles", () => {
  it("park staff creates a park user in its own park, with a temporary password to change at first sign-in", async () => {
    const account = `newps.${tag}`;
    const created = await createUser(
      prisma,
      parkP.staff,
      { orgId: parkP.orgId, role: Role.PARK_STAFF, name: "新同事", account, mobile: mobile() },
      TEST_META,
    );
    const row = await prisma.user.findUniqueOrThrow({ where: { id: created.userId } });
    expect(row).toMatchObject({ orgId: parkP.orgId, role: Role.PARK_STAFF, account, mustChangePassword: true, active: true });
    expect(await verifyPassword(row.passwordHash, created.temporaryPassword)).toBe(true);
    expect(await auditRows("users.created", created.userId)).toEqual([
      expect.objectContaining({ actorUserId: parkP.staff.userId, outcome: "SUCCESS" }),
    ]);
    // A taken account name is refused on its field.
    const again = await refusalOf(
      createUser(prisma, parkP.staff, { orgId: parkP.orgId, role: Role.PARK_STAFF, name: "重名", account, mobile: mobile() }, TEST_META),
    );
    expect(again).toEqual({ code: "invalidInput", fieldErrors: { account: "accountTaken" } });
  });

  it("refuses role escalation: park staff cannot create a FINANCE_ADMIN, anywhere", async () => {
    const inOwnPark = await refusalOf(
      createUser(
        prisma,
        parkP.staff,
        { orgId: parkP.orgId, role: Role.FINANCE_ADMIN, name: "提权", account: `esc1.${tag}`, mobile: mobile() },
        TEST_META,
      ),
    );
    expect(inOwnPark).toEqual({ code: "invalidInput", fieldErrors: { role: "roleNotAllowed" } });
    const inFinance = await refusalOf(
      createUser(
        prisma,
        parkP.staff,
        { orgId: finance.orgId, role: Role.FINANCE_ADMIN, name: "提权", account: `esc2.${tag}`, mobile: mobile() },
        TEST_META,
      ),
    );
    expect(inFinance.code).toBe("notFound");
    expect(await prisma.user.count({ where: { account: { in: [`esc1.${tag}`, `esc2.${tag}`] } } })).toBe(0);
  });

  it("an enterprise owner creates owners and members only; a bank manager cannot make a park role", async () => {
    const member = await createUser(
      prisma,
      enterprise.owner,
      { orgId: enterprise.orgId, role: Role.ENTERPRISE_MEMBER, name: "经办人", account: `em.${tag}`, mobile: mobile() },
      TEST_META,
    );
    expect(member.temporaryPassword).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
    const bad = await refusalOf(
      createUser(
        prisma,
        bankA.manager,
        { orgId: branchA1.orgId, role: Role.PARK_STAFF, name: "错角色", account: `bad.${tag}`, mobile: mobile() },
        TEST_META,
      ),
    );
    expect(bad.fieldErrors).toEqual({ role: "roleNotAllowed" });
    const orgs = await listManageableOrgs(prisma, bankA.manager, await loadUserScopeContext(prisma, bankA.manager));
    expect(orgs.map((o) => o.id).sort()).toEqual([bankA.orgId, branchA1.orgId].sort());
    expect(orgs[0]!.roles).toEqual([Role.BANK_MANAGER, Role.BANK_LIAISON]);
  });

  it("changes a role within the allowed ones and ends the user's sessions; not one's own", async () => {
    const target = await user(branchA1.orgId, OrgKind.BANK, Role.BANK_LIAISON, "promote");
    const sid = await session(target);
    expect((await loadSessionUser(prisma, sid)).ok).toBe(true);
    await changeUserRole(prisma, bankA.manager, { userId: target.userId, role: Role.BANK_MANAGER }, TEST_META);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.userId } })).role).toBe(Role.BANK_MANAGER);
    expect(await loadSessionUser(prisma, sid)).toMatchObject({ ok: false });
    expect((await auditRows("users.roleChanged", target.userId))[0]?.details).toMatchObject({ from: "BANK_LIAISON", to: "BANK_MANAGER" });

    const toPark = await refusalOf(changeUserRole(prisma, bankA.manager, { userId: target.userId, role: Role.PARK_STAFF }, TEST_META));
    expect(toPark.fieldErrors).toEqual({ role: "roleNotAllowed" });
    expect(
      (await refusalOf(changeUserRole(prisma, bankA.manager, { userId: bankA.manager.userId, role: Role.BANK_LIAISON }, TEST_META))).code,
    ).toBe("self");
  });
});

describe("deactivation and resets end sessions", () => {
  it("deactivation ends every session at once (loadSessionUser refuses it), and sign-in is refused", async () => {
    const target = await user(parkP.orgId, OrgKind.PARK, Role.PARK_STAFF, "deact");
    const first = await session(target);
    const second = await session(target);
    expect((await loadSessionUser(prisma, first)).ok).toBe(true);

    await deactivateUser(prisma, parkP.staff, { userId: target.userId }, TEST_META);
    for (const sid of [first, second]) expect(await loadSessionUser(prisma, sid)).toMatchObject({ ok: false });
    const sessions = await prisma.session.findMany({ where: { userId: target.userId }, select: { revokedAt: true } });
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);
    expect((await authenticate(prisma, { login: target.account, password: target.password }, TEST_META)).ok).toBe(false);
    expect(await auditRows("users.deactivated", target.userId)).toHaveLength(1);

    await reactivateUser(prisma, parkP.staff, { userId: target.userId }, TEST_META);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.userId } })).active).toBe(true);
    expect(await auditRows("users.reactivated", target.userId)).toHaveLength(1);
  });

  it("nobody deactivates themself", async () => {
    expect((await refusalOf(deactivateUser(prisma, parkP.staff, { userId: parkP.staff.userId }, TEST_META))).code).toBe("self");
    expect((await refusalOf(deactivateUser(prisma, finance.admin, { userId: finance.admin.userId }, TEST_META))).code).toBe("self");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: finance.admin.userId } })).active).toBe(true);
  });

  it("a password reset sets mustChangePassword, lifts a lockout and ends sessions; the temporary password works", async () => {
    const target = await user(bankB.orgId, OrgKind.BANK, Role.BANK_LIAISON, "reset");
    await prisma.user.update({ where: { id: target.userId }, data: { failedSignIns: 5, lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    const sid = await session(target);

    const reset = await resetUserPassword(prisma, bankB.manager, { userId: target.userId }, TEST_META);
    expect(reset.account).toBe(target.account);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: target.userId } });
    expect(row).toMatchObject({ mustChangePassword: true, failedSignIns: 0, lockedUntil: null });
    expect(await verifyPassword(row.passwordHash, reset.temporaryPassword)).toBe(true);
    expect(await verifyPassword(row.passwordHash, GOOD_PASSWORD)).toBe(false);
    expect(await loadSessionUser(prisma, sid)).toMatchObject({ ok: false });

    const signIn = await authenticate(prisma, { login: target.account, password: reset.temporaryPassword }, TEST_META);
    expect(signIn).toMatchObject({ ok: true, mustChangePassword: true });
    const audit = await auditRows("users.passwordReset", target.userId);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(reset.temporaryPassword);
  });

  it("a TOTP reset clears the secret, last step and recovery codes, and ends sessions", async () => {
    const target = await user(bankB.orgId, OrgKind.BANK, Role.BANK_LIAISON, "totp");
    await prisma.user.update({
      where: { id: target.userId },
      data: { totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date(), totpLastStep: 123, recoveryCodes: ["a", "b"] },
    });
    const sid = await session(target);
    await resetUserTotp(prisma, bankB.manager, { userId: target.userId }, TEST_META);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: target.userId } });
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: [] });
    expect(await loadSessionUser(prisma, sid)).toMatchObject({ ok: false });
    // The role requires TOTP: the next session must enrol first.
    const signIn = await authenticate(prisma, { login: target.account, password: target.password }, TEST_META);
    expect(signIn).toMatchObject({ ok: true, needsTotpEnrolment: true });
  });
});

describe("revealing personal information", () => {
  it("returns the full value of one user in scope and writes an audit row with the field", async () => {
    const result = await revealUserPii(prisma, bankA.manager, { userId: branchA1.liaison.userId, field: "idNumber" }, TEST_META);
    expect(result).toEqual({ value: "43010219900101567X" });
    const rows = await auditRows("pii.revealed", branchA1.liaison.userId);
    expect(rows).toEqual([
      expect.objectContaining({
        actorUserId: bankA.manager.userId,
        outcome: "SUCCESS",
        details: expect.objectContaining({ field: "idNumber" }),
      }),
    ]);
    const phone = await revealUserPii(prisma, finance.admin, { userId: parkQ.staff.userId, field: "mobile" }, TEST_META);
    expect(phone.value).toMatch(/^139\d{8}$/);
  });

  it("is scoped: another bank's or park's user is not found, and nothing is audited", async () => {
    expect((await refusalOf(revealUserPii(prisma, bankA.manager, { userId: bankB.liaison.userId, field: "mobile" }, TEST_META))).code).toBe(
      "notFound",
    );
    expect((await refusalOf(revealUserPii(prisma, parkP.staff, { userId: parkQ.staff.userId, field: "mobile" }, TEST_META))).code).toBe(
      "notFound",
    );
    expect(await auditRows("pii.revealed", bankB.liaison.userId)).toHaveLength(0);
    expect(await auditRows("pii.revealed", parkQ.staff.userId)).toHaveLength(1); // the finance admin's, above
  });

  it("is refused without pii.reveal", async () => {
    expect((await refusalOf(revealUserPii(prisma, finance.staff, { userId: parkQ.staff.userId, field: "mobile" }, TEST_META))).code).toBe(
      "forbidden",
    );
    expect(
      (await refusalOf(revealUserPii(prisma, enterprise.owner, { userId: enterprise.owner.userId, field: "mobile" }, TEST_META))).code,
    ).toBe("forbidden");
  });
});

describe("creating organizations", () => {
  const parse = (raw: Record<string, string>) => ZCreateOrganizationInput.parse(nestUserFields(raw));

  it("the finance admin creates a sub-branch under a bank, with its first user", async () => {
    const input = parse({
      kind: "BANK",
      name: `测试银行A二支行 ${tag}`,
      bankLevel: "SUB_BRANCH",
      parentId: bankA.orgId,
      "user.role": "BANK_MANAGER",
      "user.name": "新行长",
      "user.account": `NewBank.${tag}`,
      "user.mobile": mobile(),
      "user.idNumber": "",
    });
    const created = await createOrganization(prisma, finance.admin, input, TEST_META);
    const o = await prisma.organization.findUniqueOrThrow({ where: { id: created.orgId } });
    expect(o).toMatchObject({ kind: OrgKind.BANK, parentId: bankA.orgId, bankLevel: BankLevel.SUB_BRANCH });
    const first = await prisma.user.findUniqueOrThrow({ where: { id: created.firstUser!.userId } });
    expect(first).toMatchObject({ orgId: o.id, role: Role.BANK_MANAGER, account: `newbank.${tag}`, mustChangePassword: true });
    expect(await verifyPassword(first.passwordHash, created.firstUser!.temporaryPassword)).toBe(true);
    expect(await auditRows("orgs.created", o.id)).toHaveLength(1);
    expect(await auditRows("users.created", first.id)).toHaveLength(1);
    // The parent bank's manager now covers the new branch too.
    const ctx = await loadUserScopeContext(prisma, bankA.manager);
    expect(ctx.manageableOrgIds).toContain(o.id);
    // A sub-branch cannot be the parent of a branch.
    const upside = parse({
      kind: "BANK",
      name: `倒挂 ${tag}`,
      bankLevel: "BRANCH",
      parentId: branchA1.orgId,
      "user.role": "BANK_MANAGER",
      "user.name": "某",
      "user.account": `upside.${tag}`,
      "user.mobile": mobile(),
    });
    expect((await refusalOf(createOrganization(prisma, finance.admin, upside, TEST_META))).fieldErrors).toEqual({
      parentId: "parentLevel",
    });
  });

  it("a park gets its Park row; a duplicate park code or account rolls everything back", async () => {
    const code = `T${tag.toUpperCase()}`;
    const created = await createOrganization(
      prisma,
      finance.admin,
      parse({
        kind: "PARK",
        name: `测试园区R ${tag}`,
        parkCode: code,
        district: "资溪区",
        windowName: "R 窗口",
        windowPhone: "0737-1234567",
        "user.role": "PARK_STAFF",
        "user.name": "窗口",
        "user.account": `rpark.${tag}`,
        "user.mobile": mobile(),
      }),
      TEST_META,
    );
    expect(await prisma.park.findUniqueOrThrow({ where: { orgId: created.orgId } })).toMatchObject({
      code,
      district: "资溪区",
      windowName: "R 窗口",
    });

    const before = await prisma.organization.count();
    const dupCode = await refusalOf(
      createOrganization(
        prisma,
        finance.admin,
        parse({
          kind: "PARK",
          name: `重复 ${tag}`,
          parkCode: code,
          "user.role": "PARK_STAFF",
          "user.name": "某",
          "user.account": `dup1.${tag}`,
          "user.mobile": mobile(),
        }),
        TEST_META,
      ),
    );
    expect(dupCode.fieldErrors).toEqual({ parkCode: "parkCodeTaken" });
    const dupAccount = await refusalOf(
      createOrganization(
        prisma,
        finance.admin,
        parse({
          kind: "CENTRAL_BANK",
          name: `重复 ${tag}`,
          "user.role": "CENTRAL_BANK_STAFF",
          "user.name": "某",
          "user.account": `rpark.${tag}`,
          "user.mobile": mobile(),
        }),
        TEST_META,
      ),
    );
    expect(dupAccount.fieldErrors).toEqual({ "user.account": "accountTaken" });
    expect(await prisma.organization.count()).toBe(before);
  });

  it("checks the first user's role against the kind, and only the finance admin may create", async () => {
    const wrongRole = ZCreateOrganizationInput.safeParse(
      nestUserFields({
        kind: "CENTRAL_BANK",
        name: "x",
        "user.role": "FINANCE_ADMIN",
        "user.name": "某",
        "user.account": `w.${tag}`,
        "user.mobile": mobile(),
      }),
    );
    expect(wrongRole.success).toBe(false);
    expect(wrongRole.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["user.role", "roleInvalid"]);
    const enterpriseKind = ZCreateOrganizationInput.safeParse({ kind: "ENTERPRISE", name: "x" });
    expect(enterpriseKind.success).toBe(false);
    // A guarantee company has no role yet: the organization alone.
    const guarantee = await createOrganization(
      prisma,
      finance.admin,
      parse({ kind: "GUARANTEE_COMPANY", name: `测试担保 ${tag}` }),
      TEST_META,
    );
    expect(guarantee.firstUser).toBeNull();

    const input = parse({ kind: "GUARANTEE_COMPANY", name: `越权 ${tag}` });
    for (const actor of [finance.staff, bankA.manager, parkP.staff]) {
      expect((await refusalOf(createOrganization(prisma, actor, input, TEST_META))).code).toBe("forbidden");
    }
  });

  it("lists organizations without enterprises by default, with the parent's name", async () => {
    const list = await listOrganizations(prisma, finance.admin, { kind: OrgKind.BANK });
    const a1 = list.rows.find((r) => r.id === branchA1.orgId);
    // The shared database may hold more banks than one page; look it up by page if needed.
    if (a1) expect(a1.parentName).toContain("测试银行A分行");
    const all = await listOrganizations(prisma, finance.admin);
    expect(all.rows.every((r) => r.kind !== OrgKind.ENTERPRISE)).toBe(true);
    expect((await listOrganizations(prisma, parkP.staff)).rows).toEqual([]);
  });
});
