/**
 * Registration must not tell who is registered: a USCC or a mobile number that belongs to
 * someone already (an enterprise, a bank liaison) gets the same answer as a fresh one. The
 * application is held instead, nothing is created, and the park window sees it in its
 * queue. The 5-an-hour limit per address still holds and counts held applications.
 */
import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { publicReceipt, submitRegistration } from "@/lib/registry/mutations/submit-registration";
import { listHeldRegistrations } from "@/lib/registry/queries/list-held-registrations";
import type { TRegistrationInput } from "@/lib/registry/schemas";
import { makeUscc } from "@/lib/registry/uscc";
import { createPrismaClient } from "@/lib/server/db";
import { createUser } from "@/tests/factories/users";
import { databaseUrl } from "./harness";

const PASSWORD = "Qiye#2026pass";
const rng = { next: () => randomInt(0, 1_000_000) / 1_000_000 };
let prisma: PrismaClient;
let parkA: { parkId: string; actor: TActor; name: string };
let parkB: { parkId: string; actor: TActor; name: string };
let counter = 0;

// Every call from its own address, unless the test is about the limit.
const freshMeta = () => ({ ip: `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`, userAgent: "enumeration-test" });

async function makePark(label: string) {
  const tag = randomBytes(4).toString("hex");
  const name = `枚举测试${label}园区 ${tag}`;
  const org = await prisma.organization.create({ data: { kind: OrgKind.PARK, name }, select: { id: true } });
  const park = await prisma.park.create({
    data: { orgId: org.id, code: `EN-${tag}`, windowName: `${label}园区窗口`, windowPhone: "0571-88880000" },
    select: { id: true },
  });
  const user = await prisma.user.create({
    data: { orgId: org.id, role: Role.PARK_STAFF, account: `enum.window.${tag}`, name: `窗口${label}` },
    select: { id: true },
  });
  return { parkId: park.id, name, actor: { userId: user.id, role: Role.PARK_STAFF, orgId: org.id, orgKind: OrgKind.PARK } };
}

const uniqueMobile = () => `135${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;

function form(overrides: Partial<Record<keyof TRegistrationInput, string>> = {}): TRegistrationInput {
  counter += 1;
  const tag = `${randomBytes(3).toString("hex")}${counter}`;
  return {
    uscc: makeUscc(rng),
    name: `枚举测试科技有限公司${tag}`,
    parkId: parkA.parkId,
    industrySection: "C",
    size: "SMALL",
    contactName: "孙立",
    contactMobile: uniqueMobile(),
    account: `enum.owner.${tag}`,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...overrides,
  } as TRegistrationInput;
}

// What the visitor would be told if the registration was new: only its own input and the park.
const answerFor = (input: TRegistrationInput) => ({
  enterpriseName: input.name,
  account: input.account,
  parkName: parkA.name,
  windowName: "甲园区窗口",
  windowPhone: "0571-88880000",
});

/** The visitor's answer: the public receipt, or the refusal's code and fields. */
async function answer(input: TRegistrationInput, meta = freshMeta()): Promise<unknown> {
  return submitRegistration(prisma, input, meta).then(publicReceipt, (e: unknown) =>
    e instanceof AppError ? { code: e.code, fieldErrors: e.fieldErrors } : Promise.reject(e),
  );
}

beforeAll(async () => {
  prisma = createPrismaClient(databaseUrl());
  parkA = await makePark("甲");
  parkB = await makePark("乙");
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe("registration does not tell who is registered", () => {
  it("answers a taken USCC exactly as a fresh one, and creates nothing for it", async () => {
    const first = form();
    expect(await answer(first)).toEqual(answerFor(first));
    const sameUscc = form({ uscc: first.uscc });
    expect(await answer(sameUscc)).toEqual(answerFor(sameUscc));
    expect(await prisma.enterprise.count({ where: { uscc: first.uscc } })).toBe(1);
    expect(await prisma.user.count({ where: { account: sameUscc.account } })).toBe(0);
  });

  it("answers a bank liaison's mobile number exactly as a fresh one", async () => {
    const liaison = await createUser(prisma, { role: "BANK_LIAISON", orgKind: "BANK", label: "liaison" });
    const mobile = uniqueMobile();
    await prisma.user.update({ where: { id: liaison.id }, data: { mobile } });
    const probe = form({ contactMobile: mobile });
    expect(await answer(probe)).toEqual(answerFor(probe));
    expect(await prisma.user.count({ where: { mobile } })).toBe(1);
  });

  it("refuses every account name that is a mobile number alike, registered or not", async () => {
    const liaison = await createUser(prisma, { role: "BANK_LIAISON", orgKind: "BANK", label: "liaison2" });
    const mobile = uniqueMobile();
    await prisma.user.update({ where: { id: liaison.id }, data: { mobile } });
    const registered = await answer(form({ account: mobile }));
    const unregistered = await answer(form({ account: uniqueMobile() }));
    expect(registered).toEqual({ code: "invalidInput", fieldErrors: { account: "accountIsMobile" } });
    expect(unregistered).toEqual(registered);
  });

  it("puts held applications in front of their own park's window only, mobile masked", async () => {
    const first = form();
    await answer(first);
    const held = form({ uscc: first.uscc, contactMobile: first.contactMobile });
    await answer(held);
    const listA = await listHeldRegistrations(prisma, parkA.actor);
    const row = listA.find((r) => r.account === held.account);
    expect(row).toMatchObject({ uscc: first.uscc, name: held.name, conflicts: ["uscc", "contactMobile"] });
    expect(row?.contactMobileMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await listHeldRegistrations(prisma, parkB.actor)).map((r) => r.account)).not.toContain(held.account);
  });

  it("counts held applications towards the limit of 5 an hour per address", async () => {
    const meta = freshMeta();
    const first = form();
    await answer(first, meta);
    for (let i = 0; i < 4; i++) await answer(form({ uscc: first.uscc }), meta);
    expect(await answer(form(), meta)).toEqual({ code: "rateLimited", fieldErrors: undefined });
  });
});
