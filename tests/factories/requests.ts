/**
 * A complete little world for request workflow tests, written into the run's shared
 * (migrated, unseeded) database with unique names:
 *
 *   finance office (admin, staff) · central bank (staff)
 *   main bank (a BRANCH: manager, liaison) ⟶ its servicing sub-branch (liaison, manager),
 *     which serves the enterprise through a 1+1 pairing
 *   participating bank (liaison) · another bank, not paired with the park (liaison)
 *   park (staff) with the approved enterprise (owner), another approved enterprise (owner)
 *   and a pending one (owner) · another park (staff)
 *   program of `year` (default 2026) with rule version 1 (reply deadline 5 working days),
 *   park pairings MAIN = main bank, PARTICIPATING = participating bank
 *   the official working-day calendar (all years in lib/calendar/cn-official.ts) — days
 *   that already exist are left alone.
 *
 *   const world = await createRequestWorld(prisma, uniqueTag());
 *   await saveRequest(prisma, world.actors.enterpriseOwner, financingInput({ submit: true }), { now });
 *
 * The program is the newest active one of its year, so it is the "current program" new
 * items are filed under. A second world of the same year in the same test file takes
 * that over: create one world per file (or give each its own year).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BankLevel, CalendarDayKind, OrgKind, PairingRole, RegistrationStatus, RequestType, Role } from "@/lib/generated/prisma/enums";
import { CN_OFFICIAL_SCHEDULES } from "@/lib/calendar/cn-official";
import { AppError } from "@/lib/errors";
import { signRequest } from "@/lib/requests/mutations/bank-steps";
import { forwardRequest } from "@/lib/requests/mutations/park-steps";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import type { TSaveRequestInput } from "@/lib/requests/schemas";
import type { TWorkflowActor, TWorkflowResult } from "@/lib/requests/workflow/types";

export type TRequestWorldActors = {
  enterpriseOwner: TWorkflowActor;
  parkStaff: TWorkflowActor;
  /** Liaison of the servicing sub-branch (where automatic forwarding sends items). */
  mainBankLiaison: TWorkflowActor;
  /** Manager of the same sub-branch: may stand in for the liaison. */
  mainBankManager: TWorkflowActor;
  /** Liaison of the paired main bank itself (a parent covering the sub-branch). */
  mainBankParentLiaison: TWorkflowActor;
  participatingBankLiaison: TWorkflowActor;
  otherBankLiaison: TWorkflowActor;
  financeAdmin: TWorkflowActor;
  financeStaff: TWorkflowActor;
  centralBankStaff: TWorkflowActor;
  otherParkStaff: TWorkflowActor;
  otherEnterpriseOwner: TWorkflowActor;
  pendingEnterpriseOwner: TWorkflowActor;
};

export type TRequestWorld = {
  tag: string;
  year: number;
  programId: string;
  ruleVersionId: string;
  replyDeadlineDays: number;
  financeOrgId: string;
  centralBankOrgId: string;
  parkId: string;
  parkOrgId: string;
  otherParkId: string;
  enterpriseId: string;
  enterpriseOrgId: string;
  otherEnterpriseId: string;
  /** The paired main contact bank (a BRANCH). */
  mainBankOrgId: string;
  /** Its sub-branch serving the enterprise (1+1 pairing): where items are forwarded. */
  servicingBankOrgId: string;
  participatingBankOrgId: string;
  otherBankOrgId: string;
  actors: TRequestWorldActors;
};

/** The official calendar (holidays and 调休 working days) into CalendarDay/CalendarYear. */
export async function loadOfficialCalendar(prisma: PrismaClient): Promise<void> {
  for (const [year, s] of Object.entries(CN_OFFICIAL_SCHEDULES)) {
    await prisma.calendarDay.createMany({
      data: [
        ...s.holidays.map((d) => ({ date: new Date(`${d}T00:00:00Z`), kind: CalendarDayKind.HOLIDAY, name: s.names[d] ?? null })),
        ...s.workdays.map((d) => ({ date: new Date(`${d}T00:00:00Z`), kind: CalendarDayKind.WORKDAY, name: null })),
      ],
      skipDuplicates: true,
    });
    await prisma.calendarYear.upsert({
      where: { year: Number(year) },
      create: { year: Number(year), source: s.source, publishedAt: new Date("2025-11-04T00:00:00Z") },
      update: {},
    });
  }
}

export async function createRequestWorld(
  prisma: PrismaClient,
  tag: string,
  options: { year?: number; replyDeadlineDays?: number } = {},
): Promise<TRequestWorld> {
  const year = options.year ?? 2026;
  const replyDeadlineDays = options.replyDeadlineDays ?? 5;
  await loadOfficialCalendar(prisma);

  const org = async (kind: OrgKind, name: string, extra: { parentId?: string; bankLevel?: BankLevel } = {}) =>
    (await prisma.organization.create({ data: { kind, name: `${name} ${tag}`, ...extra }, select: { id: true } })).id;
  const user = async (orgId: string, orgKind: OrgKind, role: Role, label: string): Promise<TWorkflowActor> => {
    const u = await prisma.user.create({
      data: {
        orgId,
        role,
        account: `rw.${label}.${tag}`,
        name: `${label} ${tag}`,
        email: `${label}.${tag}@example.test`,
        recoveryCodes: [],
      },
      select: { id: true },
    });
    return { userId: u.id, orgId, orgKind, role };
  };
  const park = async (label: string) => {
    const orgId = await org(OrgKind.PARK, `园区${label}`);
    const { id } = await prisma.park.create({ data: { orgId, code: `RW${label}${tag}` }, select: { id: true } });
    return { id, orgId };
  };
  const enterprise = async (label: string, parkId: string, status: RegistrationStatus) => {
    const orgId = await org(OrgKind.ENTERPRISE, `企业${label}`);
    const uscc = `92${tag}${label}`.toUpperCase().padEnd(18, "0").slice(0, 18);
    const { id } = await prisma.enterprise.create({
      data: { orgId, uscc, name: `企业${label} ${tag}`, parkId, industrySection: "C", size: "SMALL", registrationStatus: status },
      select: { id: true },
    });
    return { id, orgId };
  };

  const financeOrgId = await org(OrgKind.FINANCE_OFFICE, "市地方金融管理局");
  const centralBankOrgId = await org(OrgKind.CENTRAL_BANK, "人民银行市分行");
  const mainBankOrgId = await org(OrgKind.BANK, "主联系行分行", { bankLevel: BankLevel.BRANCH });
  const servicingBankOrgId = await org(OrgKind.BANK, "主联系行园区支行", { bankLevel: BankLevel.SUB_BRANCH, parentId: mainBankOrgId });
  const participatingBankOrgId = await org(OrgKind.BANK, "参与行分行", { bankLevel: BankLevel.BRANCH });
  const otherBankOrgId = await org(OrgKind.BANK, "其他银行分行", { bankLevel: BankLevel.BRANCH });
  const p = await park("A");
  const other = await park("B");
  const ent = await enterprise("A", p.id, RegistrationStatus.APPROVED);
  const otherEnt = await enterprise("B", p.id, RegistrationStatus.APPROVED);
  const pending = await enterprise("C", p.id, RegistrationStatus.PENDING);

  const program = await prisma.program.create({
    data: { name: `测试帮扶方案 ${tag}`, docNumber: `测〔${year}〕${tag}号`, year },
    select: { id: true },
  });
  const rules = await prisma.programRuleVersion.create({
    data: { programId: program.id, version: 1, replyDeadlineDays },
    select: { id: true },
  });
  await prisma.parkBankPairing.createMany({
    data: [
      { programId: program.id, year, parkId: p.id, bankOrgId: mainBankOrgId, role: PairingRole.MAIN },
      { programId: program.id, year, parkId: p.id, bankOrgId: participatingBankOrgId, role: PairingRole.PARTICIPATING },
    ],
  });
  await prisma.enterpriseBankPairing.create({
    data: { programId: program.id, year, bankOrgId: servicingBankOrgId, enterpriseId: ent.id, accountManagerName: "客户经理" },
  });

  const actors: TRequestWorldActors = {
    enterpriseOwner: await user(ent.orgId, OrgKind.ENTERPRISE, Role.ENTERPRISE_OWNER, "ent-owner"),
    parkStaff: await user(p.orgId, OrgKind.PARK, Role.PARK_STAFF, "park-staff"),
    mainBankLiaison: await user(servicingBankOrgId, OrgKind.BANK, Role.BANK_LIAISON, "sub-liaison"),
    mainBankManager: await user(servicingBankOrgId, OrgKind.BANK, Role.BANK_MANAGER, "sub-manager"),
    mainBankParentLiaison: await user(mainBankOrgId, OrgKind.BANK, Role.BANK_LIAISON, "main-liaison"),
    participatingBankLiaison: await user(participatingBankOrgId, OrgKind.BANK, Role.BANK_LIAISON, "part-liaison"),
    otherBankLiaison: await user(otherBankOrgId, OrgKind.BANK, Role.BANK_LIAISON, "other-liaison"),
    financeAdmin: await user(financeOrgId, OrgKind.FINANCE_OFFICE, Role.FINANCE_ADMIN, "fin-admin"),
    financeStaff: await user(financeOrgId, OrgKind.FINANCE_OFFICE, Role.FINANCE_STAFF, "fin-staff"),
    centralBankStaff: await user(centralBankOrgId, OrgKind.CENTRAL_BANK, Role.CENTRAL_BANK_STAFF, "pbc-staff"),
    otherParkStaff: await user(other.orgId, OrgKind.PARK, Role.PARK_STAFF, "other-park"),
    otherEnterpriseOwner: await user(otherEnt.orgId, OrgKind.ENTERPRISE, Role.ENTERPRISE_OWNER, "other-ent"),
    pendingEnterpriseOwner: await user(pending.orgId, OrgKind.ENTERPRISE, Role.ENTERPRISE_OWNER, "pending-ent"),
  };

  return {
    tag,
    year,
    programId: program.id,
    ruleVersionId: rules.id,
    replyDeadlineDays,
    financeOrgId,
    centralBankOrgId,
    parkId: p.id,
    parkOrgId: p.orgId,
    otherParkId: other.id,
    enterpriseId: ent.id,
    enterpriseOrgId: ent.orgId,
    otherEnterpriseId: otherEnt.id,
    mainBankOrgId,
    servicingBankOrgId,
    participatingBankOrgId,
    otherBankOrgId,
    actors,
  };
}

/** A complete financing need (5,000,000 yuan = 500 万元), as the form would send it. */
export function financingInput(overrides: Partial<TSaveRequestInput> = {}): TSaveRequestInput {
  return {
    type: RequestType.FINANCING,
    title: "流动资金贷款需求",
    description: "订单增长，需要流动资金采购原材料。",
    amountFen: "500000000",
    purpose: "采购原材料",
    termMonths: 12,
    collateral: "厂房抵押",
    neededBy: "2026-12-31",
    preferredProducts: [],
    submit: false,
    ...overrides,
  };
}

/** A Shanghai wall-clock time, e.g. at("2026-09-30T16:00:00"). */
export const at = (local: string) => new Date(`${local}+08:00`);

/** The AppError a promise is refused with (throws when it succeeds or fails otherwise). */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  return (await appErrorOf(promise)).code;
}

/** The code and field errors a promise is refused with, to compare as one value. */
export async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string> }> {
  const error = await appErrorOf(promise);
  return { code: error.code, fieldErrors: error.fieldErrors };
}

/**
 * Shortcuts over one world: items brought to a given state through the real mutations,
 * and what they wrote (ledger actions, last entry, notified users).
 */
export function workflowKit(prisma: PrismaClient, w: TRequestWorld) {
  const a = w.actors;
  return {
    async actions(requestId: string) {
      return (await prisma.ledgerEntry.findMany({ where: { requestId }, orderBy: { seq: "asc" }, select: { action: true } })).map(
        (e) => e.action,
      );
    },
    lastEntry(requestId: string) {
      return prisma.ledgerEntry.findFirstOrThrow({ where: { requestId }, orderBy: { seq: "desc" } });
    },
    /** Users notified of `kind` about the item. */
    async notified(requestId: string, kind: string) {
      const rows = await prisma.notification.findMany({ where: { requestId, kind }, select: { userId: true } });
      return new Set(rows.map((r) => r.userId));
    },
    /** A submitted financing item of the world's enterprise. */
    submitted(now: Date, actor: TWorkflowActor = a.enterpriseOwner): Promise<TWorkflowResult> {
      return saveRequest(prisma, actor, financingInput({ submit: true }), { now });
    },
    /** Submitted and forwarded automatically (to the servicing sub-branch) at `now`. */
    async forwarded(now: Date, copyParticipating = false): Promise<TWorkflowResult> {
      const r = await saveRequest(prisma, a.enterpriseOwner, financingInput({ submit: true }), { now });
      return forwardRequest(
        prisma,
        a.parkStaff,
        { requestId: r.id, version: r.version, bankOrgId: null, copyParticipating, note: null },
        { now },
      );
    },
    /** Forwarded and signed for by the servicing sub-branch's liaison at `now`. */
    async signed(now: Date): Promise<TWorkflowResult> {
      const r = await this.forwarded(now);
      return signRequest(prisma, a.mainBankLiaison, { requestId: r.id, version: r.version }, { now });
    },
  };
}

/** A CAN_DO answer to the item at its current version. */
export const canDoAnswer = (r: TWorkflowResult) =>
  ({
    requestId: r.id,
    version: r.version,
    kind: "CAN_DO",
    conditions: "纳税信用B级以上",
    procedure: "提交材料后十个工作日内审批",
    suggestedProducts: null,
  }) as const;
