/**
 * Enterprise self-registration and the park window's review, on the run's database
 * (lib functions called directly). Each run makes its own two parks, so rows left by
 * other test files do not matter.
 */
import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/permissions";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, RegistrationStatus, Role } from "@/lib/generated/prisma/enums";
import { reviewRegistration } from "@/lib/registry/mutations/review-registration";
import { submitRegistration } from "@/lib/registry/mutations/submit-registration";
import { isEnterpriseApproved } from "@/lib/registry/queries/is-enterprise-approved";
import { listActiveParks } from "@/lib/registry/queries/list-active-parks";
import { listPendingRegistrations } from "@/lib/registry/queries/list-pending-registrations";
import { ZRegistrationInput, type TRegistrationInput } from "@/lib/registry/schemas";
import { makeUscc, usccCheckChar } from "@/lib/registry/uscc";
import { createPrismaClient } from "@/lib/server/db";
import { databaseUrl } from "./harness";

// Each test registers from its own address: registrations are limited per address.
let addressCounter = 0;
let META = { ip: "203.0.113.1", userAgent: "registration-test" };
const PASSWORD = "Qiye#2026pass";
const rng = { next: () => randomInt(0, 1_000_000) / 1_000_000 };

let prisma: PrismaClient;
let parkA: { parkId: string; actor: TActor };
let parkB: { parkId: string; actor: TActor };
let inactiveParkId: string;
let counter = 0;

async function makePark(label: string, active = true): Promise<{ parkId: string; actor: TActor }> {
  const tag = randomBytes(4).toString("hex");
  const org = await prisma.organization.create({
    data: { kind: OrgKind.PARK, name: `注册测试${label}园区 ${tag}`, active },
    select: { id: true },
  });
  const park = await prisma.park.create({
    data: { orgId: org.id, code: `RT-${tag}`, windowName: `${label}园区融资服务窗口` },
    select: { id: true },
  });
  const user = await prisma.user.create({
    data: { orgId: org.id, role: Role.PARK_STAFF, account: `reg.window.${tag}`, name: `窗口${label}` },
    select: { id: true },
  });
  return { parkId: park.id, actor: { userId: user.id, role: Role.PARK_STAFF, orgId: org.id, orgKind: OrgKind.PARK } };
}

function uniqueMobile(): string {
  return `137${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

function form(overrides: Partial<Record<keyof TRegistrationInput, string>> = {}): TRegistrationInput {
  counter += 1;
  const tag = `${randomBytes(3).toString("hex")}${counter}`;
  return {
    uscc: makeUscc(rng),
    name: `云溪注册测试科技有限公司${tag}`,
    parkId: parkA.parkId,
    industrySection: "C",
    size: "SMALL",
    contactName: "赵一鸣",
    contactMobile: uniqueMobile(),
    account: `reg.owner.${tag}`,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...overrides,
  } as TRegistrationInput; // overrides may be invalid on purpose: the mutation parses
}

/** The AppError a call throws (fails the test if it resolves or throws something else). */
async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A registration that must have created its rows (not held). */
async function register(input: TRegistrationInput, meta = META, now?: Date) {
  const receipt = await submitRegistration(prisma, input, meta, now);
  if (receipt.status !== "submitted") throw new Error(`held: ${JSON.stringify(receipt)}`);
  return receipt;
}

async function auditRows(action: string, targetId: string) {
  return prisma.auditLog.findMany({ where: { action, targetId } });
}

beforeAll(async () => {
  prisma = createPrismaClient(databaseUrl());
  parkA = await makePark("甲");
  parkB = await makePark("乙");
  inactiveParkId = (await makePark("停用", false)).parkId;
});

beforeEach(() => {
  addressCounter += 1;
  META = { ip: `203.0.113.${addressCounter}`, userAgent: "registration-test" };
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("submitRegistration", () => {
  it("creates organization, PENDING enterprise, owner account and audit row in one go", async () => {
    const mobile = uniqueMobile();
    const input = form({ contactMobile: `+86 ${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}` });
    const typed = input.uscc.toLowerCase().replace(/(.{6})/g, "$1 ");
    const receipt = await register({ ...input, uscc: typed });

    const enterprise = await prisma.enterprise.findUniqueOrThrow({ where: { id: receipt.enterpriseId }, include: { org: true } });
    expect(enterprise).toMatchObject({
      uscc: input.uscc,
      name: input.name,
      parkId: parkA.parkId,
      industrySection: "C",
      size: "SMALL",
      contactName: "赵一鸣",
      registrationStatus: RegistrationStatus.PENDING,
      registrationNote: null,
      reviewedAt: null,
    });
    expect(enterprise.contactMobile).toBe(mobile);
    expect(enterprise.org).toMatchObject({ kind: OrgKind.ENTERPRISE, name: input.name, active: true });

    const user = await prisma.user.findUniqueOrThrow({ where: { id: receipt.userId } });
    expect(user).toMatchObject({
      orgId: enterprise.orgId,
      role: Role.ENTERPRISE_OWNER,
      account: input.account,
      mobile: enterprise.contactMobile,
      active: true,
    });
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);

    const audit = await auditRows("registration.submitted", receipt.enterpriseId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: user.id,
      actorOrgId: enterprise.orgId,
      targetType: "Enterprise",
      outcome: "SUCCESS",
      ip: META.ip,
    });
    expect(receipt).toMatchObject({ parkName: expect.stringContaining("甲园区"), windowName: "甲园区融资服务窗口" });

    // Signed in but not approved: no requests yet.
    expect(await isEnterpriseApproved(prisma, enterprise.orgId)).toBe(false);
  });

  it("refuses a taken account name (any case), and any account name that is a mobile number", async () => {
    const first = form();
    await register(first);
    const dupAccount = await appError(submitRegistration(prisma, form({ account: first.account.toUpperCase() }), META));
    expect(dupAccount.fieldErrors).toEqual({ account: "accountTaken" });
    // Sign-in accepts both, so a name may not be a mobile number, taken or not.
    for (const account of [first.contactMobile, uniqueMobile()]) {
      expect((await appError(submitRegistration(prisma, form({ account }), META))).fieldErrors).toEqual({ account: "accountIsMobile" });
    }
  });

  it("refuses an invalid USCC and says why: length, characters or check character", async () => {
    const valid = makeUscc(rng);
    const wrongCheck = valid.slice(0, 17) + (valid[17] === "0" ? "1" : "0");
    expect(usccCheckChar(valid.slice(0, 17))).not.toBe(wrongCheck[17]);
    const cases: Array<[string, string]> = [
      [wrongCheck, "usccChecksum"],
      [valid.slice(0, 17), "usccLength"],
      [`${valid.slice(0, 10)}I${valid.slice(11)}`, "usccCharset"],
      ["", "required"],
    ];
    for (const [uscc, code] of cases) {
      const error = await appError(submitRegistration(prisma, form({ uscc }), META));
      expect(error.fieldErrors?.uscc, uscc).toBe(code);
      expect(await prisma.enterprise.count({ where: { uscc } })).toBe(0);
    }
  });

  it("validates every field server-side, each error on its field", async () => {
    const parsed = ZRegistrationInput.safeParse({
      ...form(),
      name: "  ",
      parkId: "not-a-park",
      industrySection: "Z",
      size: "HUGE",
      contactMobile: "1234567890",
      account: "ab",
      password: "short",
    });
    expect(parsed.success).toBe(false);
    const byField = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toMatchObject({
      name: "required",
      parkId: "parkRequired",
      industrySection: "industryRequired",
      size: "sizeRequired",
      contactMobile: "mobileInvalid",
      account: "accountInvalid",
      password: "tooShort",
    });
    const mismatch = await appError(submitRegistration(prisma, form({ confirmPassword: `${PASSWORD}x` }), META));
    expect(mismatch.fieldErrors).toEqual({ confirmPassword: "passwordMismatch" });
    const weak = await appError(submitRegistration(prisma, form({ password: "alllowercase", confirmPassword: "alllowercase" }), META));
    expect(weak.fieldErrors).toEqual({ password: "tooFewClasses" });
  });

  it("only accepts an active park, and lists only active ones", async () => {
    const error = await appError(submitRegistration(prisma, form({ parkId: inactiveParkId }), META));
    expect(error.fieldErrors).toEqual({ parkId: "parkRequired" });
    const ids = (await listActiveParks(prisma)).map((p) => p.id);
    expect(ids).toContain(parkA.parkId);
    expect(ids).not.toContain(inactiveParkId);
  });

  it("lets exactly one of two simultaneous registrations with the same USCC through; the other is held", async () => {
    const uscc = makeUscc(rng);
    const results = await Promise.all([submitRegistration(prisma, form({ uscc }), META), submitRegistration(prisma, form({ uscc }), META)]);
    expect(results.map((r) => r.status).sort()).toEqual(["held", "submitted"]);
    expect(await prisma.enterprise.count({ where: { uscc } })).toBe(1);
  });
});

describe("the registration limit", () => {
  it("refuses a sixth registration from one address within the hour, audits it, and lets another address through", async () => {
    for (let i = 0; i < 5; i++) await submitRegistration(prisma, form(), META);
    const refused = await appError(submitRegistration(prisma, form(), META));
    expect(refused.code).toBe("rateLimited");
    expect(await prisma.auditLog.count({ where: { action: "registration.rateLimited", ip: META.ip } })).toBe(1);
    await submitRegistration(prisma, form(), { ...META, ip: "198.51.100.7" });
    // An hour later the address may register again.
    await submitRegistration(prisma, form(), META, new Date(Date.now() + 61 * 60_000));
  });
});

describe("reviewRegistration and the queue", () => {
  it("lists only the actor's own park's PENDING registrations, mobile masked", async () => {
    const inA = await register(form());
    const inB = await register(form({ parkId: parkB.parkId }));
    const listA = await listPendingRegistrations(prisma, parkA.actor);
    const ids = listA.map((r) => r.enterpriseId);
    expect(ids).toContain(inA.enterpriseId);
    expect(ids).not.toContain(inB.enterpriseId);
    const row = listA.find((r) => r.enterpriseId === inA.enterpriseId)!;
    expect(row.contactMobileMasked).toMatch(/^137\*{4}\d{4}$/);
    expect(row).toMatchObject({ ownerAccount: inA.account, industrySection: "C", size: "SMALL" });
    expect(JSON.stringify(listA)).not.toMatch(/137\d{8}/);
    expect((await listPendingRegistrations(prisma, parkB.actor)).map((r) => r.enterpriseId)).toContain(inB.enterpriseId);

    // Not a park window: nothing.
    const owner = await prisma.user.findUniqueOrThrow({ where: { id: inA.userId } });
    const ownerActor: TActor = { userId: owner.id, role: owner.role, orgId: owner.orgId, orgKind: OrgKind.ENTERPRISE };
    expect(await listPendingRegistrations(prisma, ownerActor)).toEqual([]);
  });

  it("park A cannot approve or reject park B's registration: not found, nothing touched", async () => {
    const inB = await register(form({ parkId: parkB.parkId }));
    for (const input of [
      { decision: "approve" as const, enterpriseId: inB.enterpriseId },
      { decision: "reject" as const, enterpriseId: inB.enterpriseId, reason: "不在本园区经营" },
    ]) {
      const error = await appError(reviewRegistration(prisma, parkA.actor, input, META));
      expect(error.code).toBe("notFound");
    }
    const row = await prisma.enterprise.findUniqueOrThrow({ where: { id: inB.enterpriseId } });
    expect(row).toMatchObject({ registrationStatus: RegistrationStatus.PENDING, registrationNote: null, reviewedAt: null });
    expect(await auditRows("registration.approved", inB.enterpriseId)).toHaveLength(0);
    expect(await auditRows("registration.rejected", inB.enterpriseId)).toHaveLength(0);

    // Unknown and malformed ids, and an actor that is not a park window: not found too.
    for (const enterpriseId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect((await appError(reviewRegistration(prisma, parkA.actor, { decision: "approve", enterpriseId }, META))).code).toBe("notFound");
    }
    const owner = await prisma.user.findUniqueOrThrow({ where: { id: inB.userId } });
    const ownerActor: TActor = { userId: owner.id, role: owner.role, orgId: owner.orgId, orgKind: OrgKind.ENTERPRISE };
    expect(
      (await appError(reviewRegistration(prisma, ownerActor, { decision: "approve", enterpriseId: inB.enterpriseId }, META))).code,
    ).toBe("notFound");
    expect(await isEnterpriseApproved(prisma, inB.orgId)).toBe(false);
  });

  it("approves: APPROVED, reviewedAt, audit row; the enterprise may now submit requests; only once", async () => {
    const r = await register(form());
    const now = new Date("2026-03-05T02:00:00Z");
    const result = await reviewRegistration(prisma, parkA.actor, { decision: "approve", enterpriseId: r.enterpriseId }, META, now);
    expect(result).toEqual({ enterpriseId: r.enterpriseId, status: RegistrationStatus.APPROVED });
    const row = await prisma.enterprise.findUniqueOrThrow({ where: { id: r.enterpriseId } });
    expect(row).toMatchObject({ registrationStatus: RegistrationStatus.APPROVED, registrationNote: null, reviewedAt: now });
    const audit = await auditRows("registration.approved", r.enterpriseId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: parkA.actor.userId,
      actorOrgId: parkA.actor.orgId,
      targetType: "Enterprise",
      outcome: "SUCCESS",
    });
    expect(await isEnterpriseApproved(prisma, r.orgId)).toBe(true);
    expect((await listPendingRegistrations(prisma, parkA.actor)).map((x) => x.enterpriseId)).not.toContain(r.enterpriseId);

    const again = await appError(
      reviewRegistration(prisma, parkA.actor, { decision: "reject", enterpriseId: r.enterpriseId, reason: "重复审核测试" }, META),
    );
    expect(again.code).toBe("alreadyReviewed");
    expect((await prisma.enterprise.findUniqueOrThrow({ where: { id: r.enterpriseId } })).registrationStatus).toBe(
      RegistrationStatus.APPROVED,
    );
  });

  it("rejects only with a reason of at least 5 characters, and keeps the reason for the owner", async () => {
    const r = await register(form());
    for (const [reason, code] of [
      ["", "reasonRequired"],
      ["不在园区", "reasonTooShort"],
    ] as const) {
      const error = await appError(
        reviewRegistration(prisma, parkA.actor, { decision: "reject", enterpriseId: r.enterpriseId, reason }, META),
      );
      expect(error).toMatchObject({ code: "invalidInput", fieldErrors: { reason: code } });
    }
    expect((await prisma.enterprise.findUniqueOrThrow({ where: { id: r.enterpriseId } })).registrationStatus).toBe(
      RegistrationStatus.PENDING,
    );

    const reason = "经核实该企业不在本园区经营";
    await reviewRegistration(prisma, parkA.actor, { decision: "reject", enterpriseId: r.enterpriseId, reason: `  ${reason} ` }, META);
    const row = await prisma.enterprise.findUniqueOrThrow({ where: { id: r.enterpriseId } });
    expect(row).toMatchObject({ registrationStatus: RegistrationStatus.REJECTED, registrationNote: reason });
    expect(row.reviewedAt).toBeInstanceOf(Date);
    const audit = await auditRows("registration.rejected", r.enterpriseId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: parkA.actor.userId, details: { reason, parkId: parkA.parkId } });
    expect(await isEnterpriseApproved(prisma, r.orgId)).toBe(false);
  });

  it("isEnterpriseApproved is false for unknown and non-enterprise organizations", async () => {
    expect(await isEnterpriseApproved(prisma, "00000000-0000-4000-8000-000000000000")).toBe(false);
    expect(await isEnterpriseApproved(prisma, "nonsense")).toBe(false);
    expect(await isEnterpriseApproved(prisma, parkA.actor.orgId)).toBe(false);
  });
});
