/**
 * Enterprise and bank-contact imports on the run's database (lib functions called
 * directly, with generated files). Each run makes its own parks, banks and USCCs, so
 * rows of other test files do not matter.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { importContacts } from "@/lib/import/mutations/import-contacts";
import { importEnterprises } from "@/lib/import/mutations/import-enterprises";
import type { TImportProgress } from "@/lib/import/run";
import { randomTag, sampleEnterpriseRows, sampleUscc, toCsv, toXlsx } from "@/lib/import/sample";
import { CONTACT_COLUMNS } from "@/lib/import/columns";
import { createPrismaClient } from "@/lib/server/db";
import { databaseUrl } from "./harness";

const META = { ip: "203.0.113.9", userAgent: "import-test" };
let prisma: PrismaClient;
let admin: TActor;
let parkA: { id: string; code: string; name: string; actor: TActor };
let parkB: { id: string; code: string; name: string; actor: TActor };

async function makeActor(kind: OrgKind, role: Role, orgId?: string): Promise<TActor> {
  const tag = randomBytes(4).toString("hex");
  const id = orgId ?? (await prisma.organization.create({ data: { kind, name: `导入测试 ${kind} ${tag}` }, select: { id: true } })).id;
  const user = await prisma.user.create({
    data: { orgId: id, role, account: `import.${role.toLowerCase()}.${tag}`, name: role },
    select: { id: true },
  });
  return { userId: user.id, role, orgId: id, orgKind: kind };
}

async function makePark(label: string) {
  const tag = randomBytes(4).toString("hex");
  const name = `导入测试${label}园区管理委员会${tag}`;
  const org = await prisma.organization.create({
    data: { kind: OrgKind.PARK, name, shortName: `导入${label}园${tag}` },
    select: { id: true },
  });
  const code = `IT-${label}-${tag}`;
  const park = await prisma.park.create({ data: { orgId: org.id, code }, select: { id: true } });
  return { id: park.id, code, name, actor: await makeActor(OrgKind.PARK, Role.PARK_STAFF, org.id) };
}

beforeAll(async () => {
  prisma = createPrismaClient(databaseUrl());
  admin = await makeActor(OrgKind.FINANCE_OFFICE, Role.FINANCE_ADMIN);
  parkA = await makePark("甲");
  parkB = await makePark("乙");
});

afterAll(async () => {
  await prisma.$disconnect();
});

// Distinct tags per test: the tag is part of the sample USCCs, so a repeat would collide.
const usedTags = new Set<string>();
function freshTag(): string {
  let tag = randomTag();
  while (usedTags.has(tag)) tag = randomTag();
  usedTags.add(tag);
  return tag;
}

describe("enterprise import", () => {
  it("imports 10,000 rows in one transaction well under 30 seconds, with one audit row", async () => {
    const tag = freshTag();
    const file = { name: "企业名单.xlsx", bytes: await toXlsx(sampleEnterpriseRows(10_000, parkA.code, tag)) };
    const phases: TImportProgress[] = [];
    const started = performance.now();
    const result = await importEnterprises(prisma, admin, file, { meta: META, onProgress: (p) => phases.push(p) });
    const seconds = (performance.now() - started) / 1000;
    console.log(`import 10,000 enterprises (.xlsx, ${(file.bytes.byteLength / 1024).toFixed(0)} KB): ${seconds.toFixed(2)} s`);
    expect(result).toEqual({ ok: true, inserted: 10_000, rows: 10_000 });
    expect(seconds).toBeLessThan(30);

    const imported = await prisma.enterprise.findMany({
      where: { parkId: parkA.id, uscc: { in: [sampleUscc(tag, 0), sampleUscc(tag, 9_999)] } },
      include: { org: true },
    });
    expect(imported).toHaveLength(2);
    for (const e of imported) {
      expect(e.registrationStatus).toBe("APPROVED");
      expect(e.org.kind).toBe("ENTERPRISE");
      expect(e.org.name).toBe(e.name);
    }
    expect(imported.find((e) => e.uscc === sampleUscc(tag, 0))?.tags).toEqual(["专精特新", "高新技术企业"]);
    expect(await prisma.enterprise.count({ where: { parkId: parkA.id, uscc: { startsWith: "91431402" + tag } } })).toBe(10_000);
    const audit = await prisma.auditLog.findMany({ where: { action: "enterprises.imported", actorUserId: admin.userId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ count: 10_000, format: "xlsx" });

    // Progress is reported for real: rows checked, then rows written, ending at the total.
    expect(phases[0]?.phase).toBe("reading");
    expect(phases.filter((p) => p.phase === "validating").length).toBeGreaterThanOrEqual(10);
    expect(phases.at(-1)).toEqual({ phase: "inserting", done: 10_000, total: 10_000 });
  });

  it("imports nothing from a file with three bad rows and reports exactly those rows", async () => {
    const tag = freshTag();
    const rows = sampleEnterpriseRows(40, parkB.name, tag);
    // File rows (header = 1): 7 bad check character, 19 unknown park, 33 size 超大.
    const u = rows[6]![0]!;
    rows[6]![0] = u.slice(0, 17) + (u[17] === "0" ? "1" : "0");
    rows[18]![2] = "不存在的园区";
    rows[32]![4] = "超大";
    const before = await prisma.enterprise.count({ where: { parkId: parkB.id } });
    const result = await importEnterprises(prisma, admin, { name: "bad.csv", bytes: toCsv(rows) }, { meta: META });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fileError).toBeNull();
    expect([...new Set(result.errors.map((e) => e.row))]).toEqual([7, 19, 33]);
    expect(result.errors.map((e) => e.code)).toEqual(["uscc_checksum", "parkNotFound", "sizeInvalid"]);
    expect(await prisma.enterprise.count({ where: { parkId: parkB.id } })).toBe(before);
    expect(await prisma.enterprise.count({ where: { uscc: sampleUscc(tag, 0) } })).toBe(0);
  });

  it("refuses duplicates against the database and keeps park staff to their own park", async () => {
    const tag = freshTag();
    const first = await importEnterprises(
      prisma,
      parkB.actor,
      { name: "a.csv", bytes: toCsv(sampleEnterpriseRows(3, "", tag), false) },
      { meta: META },
    );
    expect(first).toEqual({ ok: true, inserted: 3, rows: 3 });
    expect(await prisma.enterprise.count({ where: { parkId: parkB.id, uscc: sampleUscc(tag, 2) } })).toBe(1);

    const again = sampleEnterpriseRows(4, parkB.code, tag); // rows 2–4 exist, row 5 is new
    again[4]![2] = parkA.code; // another park
    const result = await importEnterprises(prisma, parkB.actor, { name: "b.xlsx", bytes: await toXlsx(again) }, { meta: META });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [2, "usccExists"],
      [3, "usccExists"],
      [4, "usccExists"],
      [5, "notOwnPark"],
    ]);
  });

  it("reads GB18030 CSV and reports header problems as a file error", async () => {
    const result = await importEnterprises(
      prisma,
      admin,
      { name: "x.csv", bytes: new TextEncoder().encode("统一社会信用代码,企业名称\r\nx,y\r\n") },
      { meta: META },
    );
    expect(result).toMatchObject({ ok: false, fileError: { code: "missingColumns" } });
    const gbk = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4, 0x0d, 0x0a]); // "中文" in GB18030: one unknown column
    expect(await importEnterprises(prisma, admin, { name: "gbk.csv", bytes: gbk }, { meta: META })).toMatchObject({
      ok: false,
      fileError: { code: "missingColumns" },
    });
    expect(await importEnterprises(prisma, admin, { name: "x.pdf", bytes: new Uint8Array([1, 2, 3]) }, { meta: META })).toMatchObject({
      fileError: { code: "unsupportedType" },
    });
  });

  it("refuses a file with a NUL in a cell as a file error, not a database failure", async () => {
    const tag = freshTag();
    const rows = sampleEnterpriseRows(3, parkA.code, tag);
    rows[2]![1] = `${rows[2]![1]}\u0000`; // file row 3, 企业名称
    const result = await importEnterprises(prisma, admin, { name: "nul.csv", bytes: toCsv(rows) }, { meta: META });
    expect(result).toMatchObject({ ok: false, fileError: { code: "badCharacters", params: { row: 3, column: "企业名称" } } });
    expect(await prisma.enterprise.count({ where: { uscc: sampleUscc(tag, 0) } })).toBe(0);
  });

  it("refuses a role without enterprises.import", async () => {
    const staff = await makeActor(OrgKind.FINANCE_OFFICE, Role.FINANCE_STAFF);
    await expect(importEnterprises(prisma, staff, { name: "a.csv", bytes: new Uint8Array() }, { meta: META })).rejects.toBeInstanceOf(
      AppError,
    );
  });
});

describe("bank contact import", () => {
  it("files contacts now, marks late filings, and refuses a repeat", async () => {
    const tag = randomBytes(4).toString("hex");
    const bank = await prisma.organization.create({
      data: { kind: OrgKind.BANK, name: `导入测试银行${tag}`, shortName: `测试行${tag}`, bankLevel: "BRANCH" },
      select: { id: true },
    });
    const header = CONTACT_COLUMNS.map((c) => c.header);
    const row = (date: string) => [
      `测试行${tag}`,
      "王行长",
      "行长",
      "13800000001",
      "李副行长",
      "分管信贷副行长",
      "",
      "普惠金融事业部",
      "周联络",
      "13912345678",
      "0737-4123456",
      date,
    ];
    const now = new Date("2026-04-09T10:00:00+08:00");
    const file = { name: "contacts.csv", bytes: toCsv([header, row("2026-04-02"), row("2026-04-08")]) };
    const result = await importContacts(prisma, admin, file, { meta: META, now });
    expect(result).toEqual({ ok: true, inserted: 2, rows: 2 });
    const rows = await prisma.bankContact.findMany({ where: { bankOrgId: bank.id }, orderBy: { effectiveOn: "asc" } });
    expect(rows.map((r) => [r.effectiveOn.toISOString().slice(0, 10), r.filedLate])).toEqual([
      ["2026-04-02", true],
      ["2026-04-08", false],
    ]);
    expect(rows[0]!.filedAt.toISOString()).toBe(now.toISOString());
    expect(await prisma.auditLog.count({ where: { action: "contacts.imported", actorUserId: admin.userId } })).toBe(1);

    const again = await importContacts(prisma, admin, file, { meta: META, now });
    expect(again).toMatchObject({
      ok: false,
      errors: [
        { row: 2, code: "contactExists" },
        { row: 3, code: "contactExists" },
      ],
    });
  });

  it("is for the finance office administrator only", async () => {
    await expect(importContacts(prisma, parkA.actor, { name: "a.csv", bytes: new Uint8Array() }, { meta: META })).rejects.toBeInstanceOf(
      AppError,
    );
  });
});
