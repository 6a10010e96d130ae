/**
 * The registries on the run's database: enterprises scoped by park (park
 * A cannot see or change park B's enterprise: "not found"), the A/B/C class history,
 * deactivation, bank contacts with the late-filing flag, and the Excel exports with the
 * page's scope, each audited. Lib functions are called directly; the export route
 * handlers run with a simulated session.
 */
import { randomBytes, randomInt } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import type { TActor } from "@/lib/auth/permissions";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { getCnOfficialCalendar } from "@/lib/calendar/cn-official";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BankLevel, OrgKind, Role, SupportClass } from "@/lib/generated/prisma/enums";
import { fileBankContact } from "@/lib/registry/mutations/registry-contacts";
import {
  changeRegistryEnterpriseClass,
  createRegistryEnterprise,
  setRegistryEnterpriseActive,
  updateRegistryEnterprise,
} from "@/lib/registry/mutations/registry-enterprises";
import { setRegistryOrgActive, updateRegistryBank } from "@/lib/registry/mutations/registry-orgs";
import { exportRegistryEnterprises, getRegistryEnterprise, listRegistryEnterprises } from "@/lib/registry/queries/registry-enterprises";
import { getRegistryBank, listRegistryBanks } from "@/lib/registry/queries/registry-orgs";
import { parseEnterpriseFilters, parseOrgFilters } from "@/lib/registry/rules";
import { makeUscc } from "@/lib/registry/uscc";
import { createPrismaClient } from "@/lib/server/db";
import { databaseUrl } from "./harness";
import { session } from "../support/signed-in-session";
import { refusalOf } from "@/tests/factories/requests";

vi.mock("@/lib/server/auth/current-user", () => import("../support/signed-in-session").then((m) => m.currentUserModule()));

const META = { ip: "203.0.113.9", userAgent: "registry-test" };
const rng = { next: () => randomInt(0, 1_000_000) / 1_000_000 };
const tag = randomBytes(4).toString("hex");
const shanghai = (iso: string) => new Date(`${iso}+08:00`);

let prisma: PrismaClient;
type TFixture = TActor & { name: string };
let admin: TFixture;
let parkA: { parkId: string; staff: TFixture };
let parkB: { parkId: string; staff: TFixture };
let head: { orgId: string; manager: TFixture; liaison: TFixture };
let sub: { orgId: string; liaison: TFixture };
let entA: string;
let entA2: string;
let entB: string;
let owner: TFixture;

async function user(orgId: string, orgKind: OrgKind, role: Role, label: string): Promise<TFixture> {
  const name = `测试${label}`;
  const u = await prisma.user.create({ data: { orgId, role, account: `registry.${label}.${tag}`, name }, select: { id: true } });
  return { userId: u.id, orgId, orgKind, role, name };
}

async function park(label: string): Promise<{ parkId: string; staff: TFixture }> {
  const org = await prisma.organization.create({ data: { kind: OrgKind.PARK, name: `名录测试${label}园区 ${tag}` }, select: { id: true } });
  const p = await prisma.park.create({ data: { orgId: org.id, code: `RG${label}-${tag}` }, select: { id: true } });
  return { parkId: p.id, staff: await user(org.id, OrgKind.PARK, Role.PARK_STAFF, `park${label}`) };
}

async function enterprise(parkId: string, name: string, extra: { supportClass?: SupportClass; tags?: string[] } = {}): Promise<string> {
  const org = await prisma.organization.create({ data: { kind: OrgKind.ENTERPRISE, name }, select: { id: true } });
  const e = await prisma.enterprise.create({
    data: {
      orgId: org.id,
      uscc: makeUscc(rng),
      name,
      parkId,
      industrySection: "C",
      size: "SMALL",
      tags: extra.tags ?? [],
      supportClass: extra.supportClass ?? null,
      contactName: "张三",
      contactMobile: "13812345678",
      registrationStatus: "APPROVED",
    },
    select: { id: true },
  });
  return e.id;
}

const ctxOf = (a: TActor) => loadScopeContext(prisma, a);
const all = parseEnterpriseFilters({ q: tag, status: "all" });
const mine = parseEnterpriseFilters({ q: tag });

beforeAll(async () => {
  prisma = createPrismaClient(databaseUrl());
  const finance = await prisma.organization.create({
    data: { kind: OrgKind.FINANCE_OFFICE, name: `名录测试金融办 ${tag}` },
    select: { id: true },
  });
  admin = await user(finance.id, OrgKind.FINANCE_OFFICE, Role.FINANCE_ADMIN, "admin");
  parkA = await park("A");
  parkB = await park("B");
  entA = await enterprise(parkA.parkId, `甲园区精密机械有限公司 ${tag}`, { tags: ["专精特新"] });
  entA2 = await enterprise(parkA.parkId, `甲园区电子科技有限公司 ${tag}`);
  entB = await enterprise(parkB.parkId, `乙园区新材料有限公司 ${tag}`, { supportClass: SupportClass.B });
  const entAOrg = await prisma.enterprise.findUniqueOrThrow({ where: { id: entA }, select: { orgId: true } });
  owner = await user(entAOrg.orgId, OrgKind.ENTERPRISE, Role.ENTERPRISE_OWNER, "owner");

  const headOrg = await prisma.organization.create({
    data: { kind: OrgKind.BANK, name: `名录测试银行云溪分行 ${tag}`, bankLevel: BankLevel.BRANCH },
    select: { id: true },
  });
  const subOrg = await prisma.organization.create({
    data: { kind: OrgKind.BANK, name: `名录测试银行高新支行 ${tag}`, bankLevel: BankLevel.SUB_BRANCH, parentId: headOrg.id },
    select: { id: true },
  });
  head = {
    orgId: headOrg.id,
    manager: await user(headOrg.id, OrgKind.BANK, Role.BANK_MANAGER, "manager"),
    liaison: await user(headOrg.id, OrgKind.BANK, Role.BANK_LIAISON, "headliaison"),
  };
  sub = { orgId: subOrg.id, liaison: await user(subOrg.id, OrgKind.BANK, Role.BANK_LIAISON, "subliaison") };
  // The sub-branch takes enterprise A2 ("1+1"): its bank sees that one only.
  const program = await prisma.program.create({
    data: { name: `名录测试项目 ${tag}`, docNumber: "测试〔2026〕1号", year: 2026 },
    select: { id: true },
  });
  await prisma.enterpriseBankPairing.create({
    data: { programId: program.id, year: 2026, bankOrgId: subOrg.id, enterpriseId: entA2, accountManagerName: "客户经理" },
  });
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("enterprise scope", () => {
  it("a park sees its own enterprises; the finance office sees every park's; a bank its paired one", async () => {
    const a = await listRegistryEnterprises(prisma, parkA.staff, await ctxOf(parkA.staff), mine);
    expect(a.rows.map((r) => r.id).sort()).toEqual([entA, entA2].sort());
    const fa = await listRegistryEnterprises(prisma, admin, await ctxOf(admin), mine);
    expect(fa.rows.map((r) => r.id).sort()).toEqual([entA, entA2, entB].sort());
    const bank = await listRegistryEnterprises(prisma, head.manager, await ctxOf(head.manager), mine);
    expect(bank.rows.map((r) => r.id)).toEqual([entA2]);
    const filtered = await listRegistryEnterprises(prisma, admin, await ctxOf(admin), parseEnterpriseFilters({ q: tag, tag: "专精特新" }));
    expect(filtered.rows.map((r) => r.id)).toEqual([entA]);
  });

  it("park A cannot see or change park B's enterprise: not found, nothing touched", async () => {
    const ctx = await ctxOf(parkA.staff);
    expect(await getRegistryEnterprise(prisma, parkA.staff, ctx, entB)).toBeNull();
    const before = await prisma.enterprise.findUniqueOrThrow({ where: { id: entB } });
    const base = { enterpriseId: entB, uscc: before.uscc, name: "改名", industrySection: "C", size: "SMALL" };
    expect((await refusalOf(updateRegistryEnterprise(prisma, parkA.staff, ctx, base, META))).code).toBe("notFound");
    expect(
      (
        await refusalOf(
          changeRegistryEnterpriseClass(prisma, parkA.staff, ctx, { enterpriseId: entB, toClass: "A", reason: "越权调整测试" }, META),
        )
      ).code,
    ).toBe("notFound");
    expect((await refusalOf(setRegistryEnterpriseActive(prisma, parkA.staff, ctx, { enterpriseId: entB }, false, META))).code).toBe(
      "notFound",
    );
    const after = await prisma.enterprise.findUniqueOrThrow({ where: { id: entB }, include: { org: true } });
    expect(after.name).toBe(before.name);
    expect(after.supportClass).toBe(SupportClass.B);
    expect(after.org.active).toBe(true);
    expect(await prisma.enterpriseClassChange.count({ where: { enterpriseId: entB } })).toBe(0);
  });

  it("a park window enters enterprises into its own park only; the USCC is checked and unique", async () => {
    const ctx = await ctxOf(parkA.staff);
    const uscc = makeUscc(rng);
    const input = {
      uscc,
      name: `甲园区新录入有限公司 ${tag}`,
      parkId: parkB.parkId,
      industrySection: "C",
      industryDivision: "34",
      size: "MICRO",
      tags: ["高新技术企业"],
    };
    const { enterpriseId } = await createRegistryEnterprise(prisma, parkA.staff, ctx, input, META);
    const created = await prisma.enterprise.findUniqueOrThrow({ where: { id: enterpriseId } });
    expect(created.parkId).toBe(parkA.parkId); // not the park it asked for
    expect(created.registrationStatus).toBe("APPROVED");
    expect((await refusalOf(createRegistryEnterprise(prisma, parkA.staff, ctx, input, META))).fieldErrors).toEqual({ uscc: "usccTaken" });
    const wrong = uscc.slice(0, 17) + (uscc[17] === "0" ? "1" : "0");
    expect(
      (await refusalOf(createRegistryEnterprise(prisma, parkA.staff, ctx, { ...input, uscc: wrong }, META))).fieldErrors,
    ).toMatchObject({
      uscc: "usccChecksum",
    });
    expect(await prisma.auditLog.count({ where: { action: "registry.enterpriseCreated", targetId: enterpriseId } })).toBe(1);
  });

  it("the owner edits its description and contact, not its USCC or tags", async () => {
    const ctx = await ctxOf(owner);
    const before = await prisma.enterprise.findUniqueOrThrow({ where: { id: entA } });
    const result = await updateRegistryEnterprise(
      prisma,
      owner,
      ctx,
      {
        enterpriseId: entA,
        uscc: makeUscc(rng),
        name: before.name,
        industrySection: "C",
        size: "SMALL",
        tags: [],
        contactName: "李四",
        contactMobile: "",
      },
      META,
    );
    expect(result.changed).toEqual(["contactName"]);
    const after = await prisma.enterprise.findUniqueOrThrow({ where: { id: entA } });
    expect(after).toMatchObject({ uscc: before.uscc, tags: before.tags, contactName: "李四", contactMobile: before.contactMobile });
  });
});

describe("A/B/C class changes", () => {
  it("need a reason and are kept as history: who, when, why", async () => {
    const ctx = await ctxOf(parkA.staff);
    expect(
      (await refusalOf(changeRegistryEnterpriseClass(prisma, parkA.staff, ctx, { enterpriseId: entA, toClass: "B", reason: "短" }, META)))
        .fieldErrors,
    ).toEqual({ reason: "reasonTooShort" });
    await changeRegistryEnterpriseClass(
      prisma,
      parkA.staff,
      ctx,
      { enterpriseId: entA, toClass: "B", reason: "有合作但尚无借贷关系" },
      META,
      shanghai("2026-03-02T10:00:00"),
    );
    await changeRegistryEnterpriseClass(
      prisma,
      admin,
      await ctxOf(admin),
      { enterpriseId: entA, toClass: "A", reason: "已获得首笔信用贷款授信" },
      META,
      shanghai("2026-04-10T10:00:00"),
    );
    expect(
      (
        await refusalOf(
          changeRegistryEnterpriseClass(prisma, parkA.staff, ctx, { enterpriseId: entA, toClass: "A", reason: "重复调整测试" }, META),
        )
      ).fieldErrors,
    ).toEqual({ toClass: "sameClass" });

    const detail = await getRegistryEnterprise(prisma, parkA.staff, ctx, entA);
    expect(detail?.supportClass).toBe("A");
    expect(detail?.classChanges.map((c) => [c.fromClass, c.toClass, c.reason, c.changedByName])).toEqual([
      ["B", "A", "已获得首笔信用贷款授信", admin.name],
      [null, "B", "有合作但尚无借贷关系", parkA.staff.name],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "registry.enterpriseClassChanged", targetId: entA } })).toBe(2);
  });

  it("a deactivated enterprise leaves the default list and cannot be re-classed until reactivated", async () => {
    const ctx = await ctxOf(parkA.staff);
    await setRegistryEnterpriseActive(prisma, parkA.staff, ctx, { enterpriseId: entA2 }, false, META);
    const active = (await listRegistryEnterprises(prisma, parkA.staff, ctx, mine)).rows.map((r) => r.id);
    expect(active).toContain(entA);
    expect(active).not.toContain(entA2);
    expect(
      (await listRegistryEnterprises(prisma, parkA.staff, ctx, parseEnterpriseFilters({ q: tag, status: "inactive" }))).rows.map(
        (r) => r.id,
      ),
    ).toEqual([entA2]);
    expect(
      (
        await refusalOf(
          changeRegistryEnterpriseClass(prisma, parkA.staff, ctx, { enterpriseId: entA2, toClass: "C", reason: "停用后调整测试" }, META),
        )
      ).code,
    ).toBe("inactive");
    expect((await refusalOf(setRegistryEnterpriseActive(prisma, parkA.staff, ctx, { enterpriseId: entA2 }, false, META))).code).toBe(
      "alreadyInactive",
    );
    await setRegistryEnterpriseActive(prisma, parkA.staff, ctx, { enterpriseId: entA2 }, true, META);
    expect((await listRegistryEnterprises(prisma, parkA.staff, ctx, all)).total).toEqual({ value: 3, capped: false });
  });
});

describe("bank contacts", () => {
  const contact = (bankOrgId: string, effectiveOn: string, liaisonName = "赵联络", liaisonMobile = "13912340000") => ({
    bankOrgId,
    firstPersonName: "钱行长",
    firstPersonTitle: "行长",
    secondPersonName: "孙副行长",
    secondPersonTitle: "分管信贷副行长",
    department: "普惠金融部",
    liaisonName,
    liaisonMobile,
    effectiveOn,
  });
  const official = getCnOfficialCalendar();

  it("flags a change filed more than 3 working days after it took effect (the Labour Day holiday does not count)", async () => {
    const onTime = await fileBankContact(prisma, sub.liaison, contact(sub.orgId, "2026-04-30"), META, {
      now: shanghai("2026-05-08T17:00:00"),
      calendar: official,
    });
    expect(onTime.filedLate).toBe(false);
    const late = await fileBankContact(prisma, sub.liaison, contact(sub.orgId, "2026-04-30", "周联络", "13912340001"), META, {
      now: shanghai("2026-05-09T10:00:00"),
      calendar: official,
    });
    expect(late.filedLate).toBe(true);
    // With the database calendar (whatever it holds, Monday → Friday is 4 working days in March).
    const monday = await fileBankContact(prisma, sub.liaison, contact(sub.orgId, "2026-03-02"), META, {
      now: shanghai("2026-03-06T09:00:00"),
    });
    expect(monday.filedLate).toBe(true);

    const stored = await prisma.bankContact.findUniqueOrThrow({ where: { id: late.contactId } });
    expect(stored.effectiveOn.toISOString().slice(0, 10)).toBe("2026-04-30");
    expect(stored.filedAt.toISOString()).toBe(shanghai("2026-05-09T10:00:00").toISOString());
    expect(await prisma.auditLog.count({ where: { action: "registry.contactFiled", targetId: late.contactId } })).toBe(1);

    const bank = await getRegistryBank(prisma, parkA.staff, sub.orgId, shanghai("2026-05-10T12:00:00"));
    expect(bank?.contact?.id).toBe(late.contactId); // same effective day, filed later: it corrects the earlier one
    expect(bank?.contact?.liaisonMobileMasked).toBe("139****0001");
    expect(bank?.history.map((h) => h.filedLate)).toEqual([true, false, true]);
  });

  it("keeps the mobile on file when left empty for the same person", async () => {
    const r = await fileBankContact(prisma, sub.liaison, { ...contact(sub.orgId, "2026-05-11", "周联络"), liaisonMobile: "" }, META, {
      now: shanghai("2026-05-11T09:00:00"),
      calendar: official,
    });
    expect((await prisma.bankContact.findUniqueOrThrow({ where: { id: r.contactId } })).liaisonMobile).toBe("13912340001");
  });

  it("is filed only for the user's own bank (a manager also for the banks below it)", async () => {
    const now = { now: shanghai("2026-05-11T09:00:00"), calendar: official };
    expect((await refusalOf(fileBankContact(prisma, sub.liaison, contact(head.orgId, "2026-05-11"), META, now))).code).toBe("notFound");
    expect((await refusalOf(fileBankContact(prisma, head.liaison, contact(sub.orgId, "2026-05-11"), META, now))).code).toBe("notFound");
    await expect(fileBankContact(prisma, head.manager, contact(sub.orgId, "2026-05-11"), META, now)).resolves.toMatchObject({
      filedLate: false,
    });
    await expect(fileBankContact(prisma, head.liaison, contact(head.orgId, "2026-05-11"), META, now)).resolves.toMatchObject({
      filedLate: false,
    });
    expect((await refusalOf(fileBankContact(prisma, parkA.staff, contact(sub.orgId, "2026-05-11"), META, now))).code).toBe("forbidden");
  });

  it("lists banks as a hierarchy; a bank with active branches is not deactivated; a branch cannot sit under a sub-branch", async () => {
    const banks = await listRegistryBanks(prisma, parkA.staff, parseOrgFilters({ q: tag }));
    expect(banks.map((b) => [b.id, b.depth])).toEqual([
      [head.orgId, 0],
      [sub.orgId, 1],
    ]);
    expect((await refusalOf(setRegistryOrgActive(prisma, admin, OrgKind.BANK, { orgId: head.orgId }, false, META))).code).toBe(
      "hasActiveChildren",
    );
    const other = await prisma.organization.create({
      data: { kind: OrgKind.BANK, name: `名录测试另一支行 ${tag}`, bankLevel: BankLevel.SUB_BRANCH },
      select: { id: true },
    });
    const r = await refusalOf(
      updateRegistryBank(prisma, admin, { orgId: head.orgId, name: `名录测试银行云溪分行 ${tag}`, parentId: other.id }, META),
    );
    expect(r.fieldErrors).toEqual({ parentId: "parentLevel" });
    expect((await refusalOf(updateRegistryBank(prisma, parkA.staff, { orgId: head.orgId, name: "x" }, META))).code).toBe("forbidden");
  });
});

describe("exports", () => {
  const asSession = (a: TFixture): TSessionUser => ({
    sessionId: "00000000-0000-4000-8000-000000000000",
    userId: a.userId,
    account: a.name,
    name: a.name,
    role: a.role,
    orgId: a.orgId,
    orgKind: a.orgKind,
    orgName: "测试",
    mustChangePassword: false,
    needsTotpEnrolment: false,
    totpEnabled: true,
  });

  async function download(a: TFixture, query: string): Promise<{ status: number; names: string[]; type: string | null }> {
    session.user = asSession(a);
    const { GET } = await import("@/app/(portal)/registry/enterprises/export/route");
    const res = await GET(new Request(`http://localhost/registry/enterprises/export?${query}`));
    if (res.status !== 200) return { status: res.status, names: [], type: res.headers.get("content-type") };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(2).value));
    });
    return { status: 200, names: names.sort(), type: res.headers.get("content-type") };
  }

  it("hold the page's scope and filters, mask mobiles, and are audited", async () => {
    const a = await download(parkA.staff, `q=${tag}&status=all`);
    expect(a.type).toContain("spreadsheetml");
    expect(a.names).toHaveLength(3);
    expect(a.names.every((n) => n.startsWith("甲园区"))).toBe(true);

    const fa = await download(admin, `q=${tag}&park=${parkB.parkId}`);
    expect(fa.names).toEqual([`乙园区新材料有限公司 ${tag}`]);

    const bank = await download(head.manager, `q=${tag}`);
    expect(bank.names).toEqual([`甲园区电子科技有限公司 ${tag}`]);

    const logged = await prisma.auditLog.findFirst({
      where: { action: "registry.exported", actorUserId: admin.userId },
      orderBy: { id: "desc" },
    });
    expect(logged?.details).toMatchObject({ list: "enterprises", rows: 1, capped: false, filters: { parkId: parkB.parkId } });
  });

  it("is not found for a role without registry.export, and the attempt is recorded", async () => {
    expect((await download(owner, "")).status).toBe(404);
    expect(await prisma.auditLog.count({ where: { action: "denied.registry.export", actorUserId: owner.userId } })).toBe(1);
  });

  it("the export query reads large lists in keyset batches without losing or repeating rows", async () => {
    const { rows, capped } = await exportRegistryEnterprises(prisma, admin, await ctxOf(admin), all, 2);
    expect(capped).toBe(true);
    expect(rows).toHaveLength(2);
    const full = await exportRegistryEnterprises(prisma, admin, await ctxOf(admin), all);
    expect(new Set(full.rows.map((r) => r.id)).size).toBe(full.rows.length);
    expect(full.rows.every((r) => r.contactMobileMasked === null || r.contactMobileMasked.includes("****"))).toBe(true);
  });
});
