/**
 * Programs on the real database: creating a program gives rule version
 * 1; a change of rules adds version N+1 and never touches an older one; invalid input is
 * refused by the lib functions themselves (not only by the form); only the finance admin
 * may manage programs (the actions' policy is covered by the authorization matrix); and
 * the helpers other modules use (current program, phases, implementation started).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { changeProgramRules } from "@/lib/programs/mutations/change-program-rules";
import { createProgram } from "@/lib/programs/mutations/create-program";
import { updateProgram } from "@/lib/programs/mutations/update-program";
import { getCurrentProgram, getCurrentRuleVersion, getProgramPhases } from "@/lib/programs/queries/get-current-program";
import { getProgram, listPrograms } from "@/lib/programs/queries/list-programs";
import { DEFAULT_RULES, RULE_KEYS, isImplementationStarted, type TNewProgram, type TProgramRules } from "@/lib/programs/rules";
import { ZChangeRulesInput, ZCreateProgramInput } from "@/lib/programs/schemas";
import { TEST_META, createUser, testPrisma, uniqueTag } from "@/tests/factories/users";
import { refusalOf } from "@/tests/factories/requests";

// The actions module is imported only to read its policies (the authorization-matrix
// test calls every action as every role); no session is needed for that.
vi.mock("@/lib/server/auth/current-user", () => ({
  getCurrentUser: async () => null,
  requireUser: async () => null,
  requirePermission: async () => null,
}));

let prisma: PrismaClient;
let tag: string;
let admin: TActor;
let staff: TActor;
let bankManager: TActor;

async function actor(role: Role, orgKind: OrgKind): Promise<TActor> {
  const u = await createUser(prisma, { role, orgKind, label: `prog.${role.toLowerCase()}` });
  return { userId: u.id, orgId: u.orgId, role, orgKind };
}

function program(year: number, overrides: Partial<TNewProgram> = {}): TNewProgram {
  return {
    name: `测试帮扶方案 ${tag} ${year}`,
    docNumber: `云金发〔${year}〕3号`,
    level: "CITY",
    year,
    leadUnits: ["市金融办", "人民银行市分行"],
    description: null,
    phases: {
      PREPARATION: { startsOn: `${year}-02-01`, endsOn: `${year}-03-31` },
      IMPLEMENTATION: { startsOn: `${year}-04-01`, endsOn: `${year}-11-30` },
      ASSESSMENT: { startsOn: `${year}-12-01`, endsOn: `${year + 1}-01-31` },
    },
    rules: { ...DEFAULT_RULES },
    ...overrides,
  };
}

const audits = (action: string, targetId: string) =>
  prisma.auditLog.findMany({ where: { action, targetId }, select: { actorUserId: true, details: true }, orderBy: { id: "asc" } });

beforeAll(async () => {
  prisma = testPrisma();
  tag = uniqueTag();
  admin = await actor(Role.FINANCE_ADMIN, OrgKind.FINANCE_OFFICE);
  staff = await actor(Role.FINANCE_STAFF, OrgKind.FINANCE_OFFICE);
  bankManager = await actor(Role.BANK_MANAGER, OrgKind.BANK);
});

afterAll(async () => {
  await prisma?.$disconnect();
});

describe("creating a program", () => {
  it("stores the program, its three phases and rule version 1 by the admin, audited", async () => {
    const now = new Date("2026-01-20T02:00:00Z");
    const { programId, ruleVersionId } = await createProgram(prisma, admin, program(2026), TEST_META, now);
    const stored = await getProgram(prisma, programId);
    expect(stored).toMatchObject({
      name: `测试帮扶方案 ${tag} 2026`,
      docNumber: "云金发〔2026〕3号",
      level: "CITY",
      year: 2026,
      active: true,
    });
    expect(stored!.leadUnits).toEqual(["市金融办", "人民银行市分行"]);
    expect(stored!.phases.map((p) => [p.kind, p.startsOn.toISOString().slice(0, 10), p.endsOn.toISOString().slice(0, 10)])).toEqual([
      ["PREPARATION", "2026-02-01", "2026-03-31"],
      ["IMPLEMENTATION", "2026-04-01", "2026-11-30"],
      ["ASSESSMENT", "2026-12-01", "2027-01-31"],
    ]);
    expect(stored!.ruleVersions).toHaveLength(1);
    expect(stored!.ruleVersions[0]).toMatchObject({ id: ruleVersionId, version: 1, ...DEFAULT_RULES, effectiveFrom: now });
    const [audit] = await audits("programs.created", programId);
    expect(audit).toMatchObject({ actorUserId: admin.userId, details: { ruleVersion: 1, rules: DEFAULT_RULES, year: 2026 } });
    const { rows } = await listPrograms(prisma);
    expect(rows.find((r) => r.id === programId)).toMatchObject({ currentVersion: 1, year: 2026 });
  });

  it("refuses invalid input in the lib function itself, field by field, and stores nothing", async () => {
    const bad = program(2027, {
      name: "",
      docNumber: "2027年第3号",
      rules: { ...DEFAULT_RULES, replyDeadlineDays: 6, bottomListSize: 0 },
      phases: {
        PREPARATION: { startsOn: "2027-03-01", endsOn: "2027-02-01" },
        IMPLEMENTATION: { startsOn: "2027-04-01", endsOn: "2027-11-30" },
        ASSESSMENT: { startsOn: "2027-11-15", endsOn: "2028-08-01" },
      },
    });
    expect(await refusalOf(createProgram(prisma, admin, bad, TEST_META))).toEqual({
      code: "invalidInput",
      fieldErrors: {
        name: "required",
        docNumber: "docNumberFormat",
        preparationEndsOn: "phaseEndBeforeStart",
        replyDeadlineDays: "replyDeadlineDaysRange",
        bottomListSize: "bottomListSizeRange",
      },
    });
    expect(
      await refusalOf(createProgram(prisma, admin, program(2027, { name: `有效名称 ${tag}`, phases: bad.phases }), TEST_META)),
    ).toMatchObject({
      fieldErrors: { preparationEndsOn: "phaseEndBeforeStart" },
    });
    const phasesOverlap = { ...program(2027).phases, ASSESSMENT: { startsOn: "2027-11-15", endsOn: "2028-01-31" } };
    expect(await refusalOf(createProgram(prisma, admin, program(2027, { phases: phasesOverlap }), TEST_META))).toEqual({
      code: "invalidInput",
      fieldErrors: { assessmentStartsOn: "phaseOrder" },
    });
    const phasesFar = { ...program(2027).phases, ASSESSMENT: { startsOn: "2027-12-01", endsOn: "2028-08-01" } };
    expect(await refusalOf(createProgram(prisma, admin, program(2027, { phases: phasesFar }), TEST_META))).toEqual({
      code: "invalidInput",
      fieldErrors: { assessmentEndsOn: "phaseOutsideYear" },
    });
    expect(await prisma.program.count({ where: { year: 2027, name: { contains: tag } } })).toBe(0);
  });

  it("reads the form's flat fields through the schema, every error at once", () => {
    const parsed = ZCreateProgramInput.safeParse({
      name: "方案",
      docNumber: "云金发[2026]3号",
      level: "COUNTY",
      year: "2026",
      leadUnits: "县金融办",
    });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({ preparationStartsOn: "required", replyDeadlineDays: "required", autoCloseUnratedDays: "required" });
    expect(fields.docNumber).toBeUndefined();
    expect(ZCreateProgramInput.safeParse({}).success).toBe(false);
    expect(ZChangeRulesInput.safeParse({ programId: "x", ...DEFAULT_RULES }).error?.issues[0]?.message).toBe("notFound");
  });

  it("is refused to everyone but the finance admin", async () => {
    for (const who of [staff, bankManager]) {
      expect(await refusalOf(createProgram(prisma, who, program(2028), TEST_META))).toEqual({ code: "forbidden", fieldErrors: undefined });
    }
    // a role that does not fit its organization kind is no admin either
    expect((await refusalOf(createProgram(prisma, { ...admin, orgKind: OrgKind.BANK }, program(2028), TEST_META))).code).toBe("forbidden");
  });
});

describe("changing the rules", () => {
  let programId: string;

  beforeAll(async () => {
    ({ programId } = await createProgram(
      prisma,
      admin,
      program(2026, { name: `规则变更测试 ${tag}` }),
      TEST_META,
      new Date("2026-01-10T00:00:00Z"),
    ));
  });

  it("adds version 2 and leaves version 1 exactly as it was", async () => {
    const before = await prisma.programRuleVersion.findUniqueOrThrow({ where: { programId_version: { programId, version: 1 } } });
    const now = new Date("2026-05-06T03:00:00Z");
    const changed = await changeProgramRules(
      prisma,
      admin,
      { programId, basedOnVersion: 1, rules: { ...DEFAULT_RULES, replyDeadlineDays: 3, escalateAfterDays: 2 } },
      TEST_META,
      now,
    );
    expect(changed.version).toBe(2);
    const after = await prisma.programRuleVersion.findUniqueOrThrow({ where: { programId_version: { programId, version: 1 } } });
    expect(after).toEqual(before);
    const v2 = await getCurrentRuleVersion(prisma, programId);
    expect(v2).toMatchObject({
      id: changed.ruleVersionId,
      version: 2,
      replyDeadlineDays: 3,
      escalateAfterDays: 2,
      renewalLeadDays: 30,
      effectiveFrom: now,
    });
    const row = await prisma.programRuleVersion.findUniqueOrThrow({ where: { id: changed.ruleVersionId }, select: { createdById: true } });
    expect(row.createdById).toBe(admin.userId);
    const [audit] = await audits("programs.rulesChanged", programId);
    expect(audit).toMatchObject({
      actorUserId: admin.userId,
      details: {
        fromVersion: 1,
        toVersion: 2,
        changed: { replyDeadlineDays: { before: 5, after: 3 }, escalateAfterDays: { before: 0, after: 2 } },
      },
    });
    const history = (await getProgram(prisma, programId))!.ruleVersions;
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(history[0]!.createdBy?.name).toBeTruthy();
  });

  it("refuses a change based on a version that is no longer current, and a change that changes nothing", async () => {
    const current = (await getCurrentRuleVersion(prisma, programId))!;
    expect(
      (
        await refusalOf(
          changeProgramRules(
            prisma,
            admin,
            { programId, basedOnVersion: current.version - 1, rules: { ...DEFAULT_RULES, bottomListSize: 3 } },
            TEST_META,
          ),
        )
      ).code,
    ).toBe("conflict");
    const same = Object.fromEntries(RULE_KEYS.map((k) => [k, current[k]])) as TProgramRules;
    expect(
      (await refusalOf(changeProgramRules(prisma, admin, { programId, basedOnVersion: current.version, rules: same }, TEST_META))).code,
    ).toBe("rulesUnchanged");
    expect((await getCurrentRuleVersion(prisma, programId))!.version).toBe(current.version);
  });

  it("refuses values out of range and unknown programs", async () => {
    expect(
      await refusalOf(
        changeProgramRules(
          prisma,
          admin,
          { programId, rules: { ...DEFAULT_RULES, replyDeadlineDays: 2, quarterlyWindowDays: 0 } },
          TEST_META,
        ),
      ),
    ).toEqual({
      code: "invalidInput",
      fieldErrors: { replyDeadlineDays: "replyDeadlineDaysRange", quarterlyWindowDays: "quarterlyWindowDaysRange" },
    });
    expect(
      (
        await refusalOf(
          changeProgramRules(prisma, admin, { programId: "00000000-0000-4000-8000-000000000000", rules: DEFAULT_RULES }, TEST_META),
        )
      ).code,
    ).toBe("notFound");
    expect((await refusalOf(changeProgramRules(prisma, admin, { programId: "not-a-uuid", rules: DEFAULT_RULES }, TEST_META))).code).toBe(
      "notFound",
    );
  });

  it("is refused to everyone but the finance admin", async () => {
    for (const who of [staff, bankManager]) {
      expect(
        (await refusalOf(changeProgramRules(prisma, who, { programId, rules: { ...DEFAULT_RULES, bottomListSize: 7 } }, TEST_META))).code,
      ).toBe("forbidden");
    }
  });

  it("never gives two changes at the same moment the same version number", async () => {
    const results = await Promise.allSettled([
      changeProgramRules(prisma, admin, { programId, rules: { ...DEFAULT_RULES, bottomListSize: 8 } }, TEST_META),
      changeProgramRules(prisma, admin, { programId, rules: { ...DEFAULT_RULES, bottomListSize: 9 } }, TEST_META),
    ]);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as AppError).code).toMatch(/^(conflict|rulesUnchanged)$/);
    }
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    const versions = (await prisma.programRuleVersion.findMany({ where: { programId }, select: { version: true } })).map((v) => v.version);
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe("editing a program", () => {
  it("changes name, 文号, lead units, description and phases, audited with before and after; the rules stay", async () => {
    const { programId } = await createProgram(prisma, admin, program(2026, { name: `编辑测试 ${tag}` }), TEST_META);
    const edited = program(2026, {
      name: `编辑后 ${tag}`,
      docNumber: "云金发〔2026〕5号",
      leadUnits: ["市金融办"],
      description: "补充说明",
    });
    edited.phases.IMPLEMENTATION = { startsOn: "2026-04-15", endsOn: "2026-11-30" };
    await updateProgram(prisma, admin, { programId, ...edited }, TEST_META);
    const stored = (await getProgram(prisma, programId))!;
    expect(stored).toMatchObject({
      name: `编辑后 ${tag}`,
      docNumber: "云金发〔2026〕5号",
      leadUnits: ["市金融办"],
      description: "补充说明",
      year: 2026,
    });
    expect(stored.phases[1]!.startsOn.toISOString().slice(0, 10)).toBe("2026-04-15");
    expect(stored.ruleVersions.map((v) => v.version)).toEqual([1]);
    const [audit] = await audits("programs.updated", programId);
    expect(audit!.details).toMatchObject({
      changed: {
        name: { before: `编辑测试 ${tag}`, after: `编辑后 ${tag}` },
        docNumber: { before: "云金发〔2026〕3号", after: "云金发〔2026〕5号" },
        "phases.IMPLEMENTATION": { before: { startsOn: "2026-04-01" }, after: { startsOn: "2026-04-15" } },
      },
    });
    expect(Object.keys((audit!.details as { changed: object }).changed)).not.toContain("phases.PREPARATION");
  });

  it("checks the phases against the stored year and refuses others", async () => {
    const { programId } = await createProgram(prisma, admin, program(2026, { name: `编辑校验 ${tag}` }), TEST_META);
    const moved = program(2026);
    moved.phases.ASSESSMENT = { startsOn: "2027-12-01", endsOn: "2027-12-31" };
    expect(await refusalOf(updateProgram(prisma, admin, { programId, ...moved }, TEST_META))).toEqual({
      code: "invalidInput",
      fieldErrors: { assessmentStartsOn: "phaseOutsideYear", assessmentEndsOn: "phaseOutsideYear" },
    });
    expect((await refusalOf(updateProgram(prisma, staff, { programId, ...program(2026) }, TEST_META))).code).toBe("forbidden");
    expect(
      (await refusalOf(updateProgram(prisma, admin, { ...program(2026), programId: "00000000-0000-4000-8000-000000000000" }, TEST_META)))
        .code,
    ).toBe("notFound");
    expect(await audits("programs.updated", programId)).toHaveLength(0);
  });
});

describe("helpers for other modules", () => {
  it("finds the active program of a year (newest first) and its phases; implementation starts on its first Shanghai day", async () => {
    const year = 2091;
    const older = await createProgram(prisma, admin, program(year, { name: `较早 ${tag}` }), TEST_META);
    const newer = await createProgram(prisma, admin, program(year, { name: `较新 ${tag}` }), TEST_META);
    const inactive = await createProgram(prisma, admin, program(year, { name: `停用 ${tag}` }), TEST_META);
    await prisma.program.update({ where: { id: inactive.programId }, data: { active: false } });
    expect(older.programId).not.toBe(newer.programId);

    const current = await getCurrentProgram(prisma, year);
    expect(current).toMatchObject({ id: newer.programId, year, rules: { version: 1, replyDeadlineDays: 5 } });
    expect(current!.phases.map((p) => p.kind)).toEqual(["PREPARATION", "IMPLEMENTATION", "ASSESSMENT"]);
    expect(await getCurrentProgram(prisma, 2092)).toBeNull();
    expect(await getCurrentProgram(prisma, undefined, new Date(`${year}-12-31T16:30:00Z`))).toBeNull(); // Shanghai is already in 2092

    const phases = await getProgramPhases(prisma, newer.programId);
    expect(phases).toHaveLength(3);
    expect(isImplementationStarted(phases, new Date(`${year}-03-31T15:59:59Z`))).toBe(false);
    expect(isImplementationStarted(phases, new Date(`${year}-03-31T16:00:00Z`))).toBe(true);
    expect(await getProgramPhases(prisma, "nope")).toEqual([]);
  });
});

describe("the server actions", () => {
  it("are all for the finance admin only (programs.manage)", async () => {
    const actions = await import("@/app/(portal)/programs/actions");
    const all = [actions.createProgramAction, actions.updateProgramAction, actions.changeProgramRulesAction];
    expect(all.map((a) => [a.actionName, a.policy])).toEqual([
      ["programs.create", "programs.manage"],
      ["programs.update", "programs.manage"],
      ["programs.changeRules", "programs.manage"],
    ]);
    for (const a of all) {
      expect(Object.values(Role).filter((role) => a.allows({ role }))).toEqual([Role.FINANCE_ADMIN]);
      expect(a.allows(null)).toBe(false);
      expect(await a({})).toEqual({ ok: false, error: "signedOut" });
    }
  });
});
