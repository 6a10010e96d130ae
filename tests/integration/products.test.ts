/**
 * The bank products catalogue (金融产品超市) on the real database: a bank
 * publishes, edits, withdraws and restores its own products (a parent bank also its
 * branches'), another bank finds them "not found", enterprises and parks cannot manage
 * any, every change is audited, and the public catalogue shows only active products of
 * active banks, narrowed by each filter.
 *
 * The shared database holds other files' products: every catalogue query here searches
 * for this file's tag (in every bank's name) so only its own rows count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BankLevel, OrgKind, Role } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { parseProductFilters } from "@/lib/products/filters";
import { createProduct, deactivateProduct, reactivateProduct, updateProduct } from "@/lib/products/mutations/manage-products";
import { getProduct, listCatalogueBanks, listProducts } from "@/lib/products/queries/list-products";
import { getOwnProduct, listOwnProducts, listPublishingBanks } from "@/lib/products/queries/list-own-products";
import { ZCreateProductInput, ZUpdateProductInput } from "@/lib/products/schemas";
import { TEST_META, testPrisma, uniqueTag } from "@/tests/factories/users";
import { codeOf } from "@/tests/factories/requests";

let prisma: PrismaClient;
let tag: string;
const ids = {} as Record<"bankA" | "bankA1" | "bankB" | "bankGone", string>;
let managerA: TActor;
let liaisonA: TActor;
let liaisonA1: TActor;
let liaisonB: TActor;
let parkStaff: TActor;
let owner: TActor;

async function org(
  kind: OrgKind,
  name: string,
  extra: { parentId?: string; bankLevel?: BankLevel; active?: boolean } = {},
): Promise<string> {
  return (await prisma.organization.create({ data: { kind, name: `${name} ${tag}`, ...extra }, select: { id: true } })).id;
}

async function actor(orgId: string, orgKind: OrgKind, role: Role, label: string): Promise<TActor> {
  const u = await prisma.user.create({
    data: { orgId, role, account: `prod.${label}.${tag}`, name: `产品${label}`, recoveryCodes: [] },
    select: { id: true },
  });
  return { userId: u.id, orgId, orgKind, role };
}

const form = (over: Record<string, string> = {}) => ({
  name: `科技成长贷${tag}`,
  kind: "科技贷",
  minAmount: "50",
  maxAmount: "2000",
  minTermMonths: "6",
  maxTermMonths: "36",
  minRateBp: "-30",
  maxRateBp: "60",
  collateral: "知识产权质押、信用",
  targets: "高新技术企业",
  howToApply: "园区窗口受理",
  ...over,
});
const createInput = (over: Record<string, string> = {}) => ZCreateProductInput.parse(form(over));

/** The catalogue, narrowed to this file's banks. */
const catalogue = async (params: Record<string, string> = {}) =>
  (await listProducts(prisma, parseProductFilters({ q: tag, ...params }))).rows.map((r) => r.name).sort();

beforeAll(async () => {
  prisma = testPrisma();
  tag = uniqueTag();
  ids.bankA = await org(OrgKind.BANK, "甲银行分行", { bankLevel: BankLevel.BRANCH });
  ids.bankA1 = await org(OrgKind.BANK, "甲银行一支行", { parentId: ids.bankA, bankLevel: BankLevel.SUB_BRANCH });
  ids.bankB = await org(OrgKind.BANK, "乙银行分行", { bankLevel: BankLevel.BRANCH });
  ids.bankGone = await org(OrgKind.BANK, "已退出银行", { bankLevel: BankLevel.BRANCH, active: false });
  managerA = await actor(ids.bankA, OrgKind.BANK, Role.BANK_MANAGER, "managerA");
  liaisonA = await actor(ids.bankA, OrgKind.BANK, Role.BANK_LIAISON, "liaisonA");
  liaisonA1 = await actor(ids.bankA1, OrgKind.BANK, Role.BANK_LIAISON, "liaisonA1");
  liaisonB = await actor(ids.bankB, OrgKind.BANK, Role.BANK_LIAISON, "liaisonB");
  const parkOrg = await org(OrgKind.PARK, "园区");
  const park = await prisma.park.create({ data: { orgId: parkOrg, code: `P${tag}` }, select: { id: true } });
  parkStaff = await actor(parkOrg, OrgKind.PARK, Role.PARK_STAFF, "park");
  const entOrg = await org(OrgKind.ENTERPRISE, "企业");
  await prisma.enterprise.create({
    data: {
      orgId: entOrg,
      uscc: `91${tag}`.toUpperCase().padEnd(18, "0"),
      name: `企业 ${tag}`,
      parkId: park.id,
      industrySection: "C",
      size: "SMALL",
    },
  });
  owner = await actor(entOrg, OrgKind.ENTERPRISE, Role.ENTERPRISE_OWNER, "owner");
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("a bank manages its own products", () => {
  it("creates a product with amounts in fen and the rate in basis points, audited", async () => {
    const { productId } = await createProduct(prisma, liaisonA, createInput(), TEST_META);
    const row = await prisma.bankProduct.findUniqueOrThrow({ where: { id: productId } });
    expect(row).toMatchObject({
      bankOrgId: ids.bankA,
      kind: "科技贷",
      minAmountFen: 50_000_000n,
      maxAmountFen: 2_000_000_000n,
      minTermMonths: 6,
      maxTermMonths: 36,
      minRateBpOverLpr: -30,
      maxRateBpOverLpr: 60,
      active: true,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "products.created", targetId: productId } });
    expect(audit).toMatchObject({ actorUserId: liaisonA.userId, ip: TEST_META.ip });
    expect(audit.details).toMatchObject({ bankOrgId: ids.bankA, minAmountFen: "50000000", name: `科技成长贷${tag}` });
    expect((await getProduct(prisma, productId))?.bankName).toBe(`甲银行分行 ${tag}`);
  });

  it("refuses a second product of the same name in the same bank", async () => {
    await expect(createProduct(prisma, managerA, createInput({ name: `科技成长贷${tag}`.toUpperCase() }), TEST_META)).rejects.toMatchObject(
      {
        code: "invalidInput",
        fieldErrors: { name: "duplicateName" },
      },
    );
  });

  it("lets a parent bank publish for its branch, but not a branch for its parent or a stranger for anyone", async () => {
    const { productId } = await createProduct(
      prisma,
      managerA,
      createInput({ name: `支行首贷${tag}`, kind: "首贷", bankOrgId: ids.bankA1 }),
      TEST_META,
    );
    expect((await prisma.bankProduct.findUniqueOrThrow({ where: { id: productId } })).bankOrgId).toBe(ids.bankA1);
    expect(await codeOf(createProduct(prisma, liaisonA1, createInput({ name: `越级${tag}`, bankOrgId: ids.bankA }), TEST_META))).toBe(
      "notFound",
    );
    expect(await codeOf(createProduct(prisma, liaisonB, createInput({ name: `冒名${tag}`, bankOrgId: ids.bankA }), TEST_META))).toBe(
      "notFound",
    );
    expect((await listPublishingBanks(prisma, managerA)).map((b) => b.id)).toEqual([ids.bankA, ids.bankA1]);
    expect((await listPublishingBanks(prisma, liaisonA1)).map((b) => b.id)).toEqual([ids.bankA1]);
  });

  it("updates every field and records only what changed; an unchanged save records nothing", async () => {
    const product = (await listOwnProducts(prisma, liaisonA)).find((p) => p.name === `科技成长贷${tag}`)!;
    const input = ZUpdateProductInput.parse({ ...form({ maxAmount: "3000", maxRateBp: "80", collateral: "" }), productId: product.id });
    await updateProduct(prisma, liaisonA, input, TEST_META);
    const row = await prisma.bankProduct.findUniqueOrThrow({ where: { id: product.id } });
    expect(row).toMatchObject({ maxAmountFen: 3_000_000_000n, maxRateBpOverLpr: 80, collateral: null });
    const audits = await prisma.auditLog.findMany({ where: { action: "products.updated", targetId: product.id } });
    expect(audits).toHaveLength(1);
    expect(Object.keys((audits[0]!.details as { changed: object }).changed).sort()).toEqual([
      "collateral",
      "maxAmountFen",
      "maxRateBpOverLpr",
    ]);
    await updateProduct(prisma, liaisonA, input, TEST_META);
    expect(await prisma.auditLog.count({ where: { action: "products.updated", targetId: product.id } })).toBe(1);
  });

  it("treats another bank's product as not found, for reading and for every change", async () => {
    const product = (await listOwnProducts(prisma, liaisonA)).find((p) => p.name === `科技成长贷${tag}`)!;
    expect(await getOwnProduct(prisma, liaisonB, product.id)).toBeNull();
    expect(await getOwnProduct(prisma, liaisonA1, product.id)).toBeNull(); // a branch does not manage its parent's
    expect((await listOwnProducts(prisma, liaisonB)).map((p) => p.id)).not.toContain(product.id);
    const input = ZUpdateProductInput.parse({ ...form({ name: `被改名${tag}` }), productId: product.id });
    expect(await codeOf(updateProduct(prisma, liaisonB, input, TEST_META))).toBe("notFound");
    expect(await codeOf(deactivateProduct(prisma, liaisonB, product.id, TEST_META))).toBe("notFound");
    expect(await codeOf(deactivateProduct(prisma, liaisonA, "00000000-0000-4000-8000-000000000000", TEST_META))).toBe("notFound");
    expect((await prisma.bankProduct.findUniqueOrThrow({ where: { id: product.id } })).name).toBe(`科技成长贷${tag}`);
  });

  it("refuses enterprises and parks whatever the product", async () => {
    const product = (await listOwnProducts(prisma, liaisonA)).find((p) => p.name === `科技成长贷${tag}`)!;
    for (const who of [owner, parkStaff]) {
      expect(await codeOf(createProduct(prisma, who, createInput({ name: `企业自建${tag}` }), TEST_META))).toBe("forbidden");
      expect(await codeOf(deactivateProduct(prisma, who, product.id, TEST_META))).toBe("forbidden");
      expect(await listOwnProducts(prisma, who)).toEqual([]);
      expect(await getOwnProduct(prisma, who, product.id)).toBeNull();
    }
    expect(await prisma.bankProduct.count({ where: { name: `企业自建${tag}` } })).toBe(0);
  });

  it("withdraws and restores a product once each, audited; repeating changes nothing", async () => {
    const product = (await listOwnProducts(prisma, liaisonA)).find((p) => p.name === `科技成长贷${tag}`)!;
    await deactivateProduct(prisma, liaisonA, product.id, TEST_META);
    await deactivateProduct(prisma, liaisonA, product.id, TEST_META);
    expect(await getProduct(prisma, product.id)).toBeNull();
    expect((await getOwnProduct(prisma, liaisonA, product.id))?.active).toBe(false);
    expect(await catalogue()).not.toContain(`科技成长贷${tag}`);
    expect(await prisma.auditLog.count({ where: { action: "products.deactivated", targetId: product.id } })).toBe(1);

    await reactivateProduct(prisma, managerA, product.id, TEST_META);
    expect((await getProduct(prisma, product.id))?.name).toBe(`科技成长贷${tag}`);
    expect(await prisma.auditLog.count({ where: { action: "products.reactivated", targetId: product.id } })).toBe(1);
  });
});

describe("the catalogue", () => {
  beforeAll(async () => {
    await createProduct(
      prisma,
      liaisonB,
      createInput({
        name: `乙信用快贷${tag}`,
        kind: "信用贷",
        minAmount: "10",
        maxAmount: "300",
        minTermMonths: "6",
        maxTermMonths: "12",
        collateral: "",
      }),
      TEST_META,
    );
    await createProduct(
      prisma,
      liaisonB,
      createInput({
        name: `乙抵押经营贷${tag}`,
        kind: "抵押贷",
        minAmount: "500",
        maxAmount: "5000",
        minTermMonths: "12",
        maxTermMonths: "60",
        collateral: "房产抵押",
      }),
      TEST_META,
    );
    const { productId } = await createProduct(prisma, liaisonB, createInput({ name: `乙已下架贷${tag}`, kind: "首贷" }), TEST_META);
    await deactivateProduct(prisma, liaisonB, productId, TEST_META);
    // A bank that has left the program: its product stays in the table, not in the catalogue.
    await prisma.bankProduct.create({ data: { bankOrgId: ids.bankGone, name: `退出行产品${tag}`, kind: "信用贷", howToApply: "—" } });
  });

  it("shows active products of active banks only", async () => {
    expect(await catalogue()).toEqual([`乙信用快贷${tag}`, `乙抵押经营贷${tag}`, `支行首贷${tag}`, `科技成长贷${tag}`].sort());
    const gone = await prisma.bankProduct.findFirstOrThrow({ where: { name: `退出行产品${tag}` } });
    expect(await getProduct(prisma, gone.id)).toBeNull();
    const banks = (await listCatalogueBanks(prisma)).map((b) => b.id);
    expect(banks).toEqual(expect.arrayContaining([ids.bankA, ids.bankA1, ids.bankB]));
    expect(banks).not.toContain(ids.bankGone);
  });

  it("filters by kind and by bank", async () => {
    expect(await catalogue({ kind: "信用贷" })).toEqual([`乙信用快贷${tag}`]);
    expect(await catalogue({ bank: ids.bankB })).toEqual([`乙信用快贷${tag}`, `乙抵押经营贷${tag}`].sort());
  });

  it("filters by an amount and a term the product's range holds (ends included)", async () => {
    expect(await catalogue({ amount: "300" })).toEqual([`乙信用快贷${tag}`, `支行首贷${tag}`, `科技成长贷${tag}`].sort());
    expect(await catalogue({ amount: "4000" })).toEqual([`乙抵押经营贷${tag}`]);
    expect(await catalogue({ term: "60" })).toEqual([`乙抵押经营贷${tag}`]);
    expect(await catalogue({ amount: "100", term: "36" })).toEqual([`支行首贷${tag}`, `科技成长贷${tag}`].sort());
  });

  it("separates credit products from those needing collateral; one that states neither is in neither list", async () => {
    // 科技成长贷's collateral was cleared by the update above: it promises nothing either way.
    expect(await catalogue({ security: "credit" })).toEqual([`乙信用快贷${tag}`, `支行首贷${tag}`].sort());
    expect(await catalogue({ security: "secured" })).toEqual([`乙抵押经营贷${tag}`]);
  });

  it("searches names, targets and banks, and pages through the results", async () => {
    const page = await listProducts(prisma, parseProductFilters({ q: `乙银行分行 ${tag}` }));
    expect(page.total).toBe(2);
    expect(page.rows[0]).toMatchObject({ bankName: `乙银行分行 ${tag}`, credit: expect.any(Boolean) });
    expect(typeof page.rows[0]!.minAmountFen).toBe("string");
    // A page far past the end shows the last page rather than nothing.
    expect((await listProducts(prisma, parseProductFilters({ q: tag, page: "50" }))).page).toBe(1);
  });
});
