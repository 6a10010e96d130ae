/**
 * Fixtures for the deadline scan and job queue tests: a world of organizations (finance
 * office, central bank, bank, park, enterprise) with users who have e-mail addresses, a
 * program with a rule version, and requests written straight into the state a test needs
 * (plain inserts, ledger started with appendLedgerEntry so the hash chain is real).
 * Each test file runs on its own migrated database: the scan looks at every request.
 */
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { LedgerAction, OrgKind, type RequestStatus, type Role } from "@/lib/generated/prisma/enums";
import { appendLedgerEntry } from "@/lib/ledger/mutations/append-ledger-entry";
import { migrate } from "@/scripts/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "./harness";

export async function migratedDatabase(label: string): Promise<{ db: FreshDatabase; prisma: PrismaClient; client: () => PrismaClient }> {
  const db = await createFreshDatabase(label);
  await migrate(db.url, { onLog: () => {} });
  const client = () => new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
  return { db, prisma: client(), client };
}

/** An instant given as Shanghai wall-clock time, e.g. sh("2026-10-09 10:00"). */
export function sh(local: string): Date {
  return new Date(`${local.replace(" ", "T")}:00+08:00`);
}

export type TWorld = {
  tag: string;
  financeOrgId: string;
  centralBankOrgId: string;
  bankOrgId: string;
  parkId: string;
  parkOrgId: string;
  enterpriseId: string;
  enterpriseOrgId: string;
  programId: string;
  ruleVersionId: string;
  /** user ids by org */
  users: Record<"finance" | "centralBank" | "bank" | "bank2" | "park" | "enterprise", string>;
  financeAdmin: { userId: string; orgId: string };
};

let serialCounter = 0;

export async function createWorld(
  prisma: PrismaClient,
  rules: Partial<{
    escalateAfterDays: number;
    bulletinAfterRemindDays: number;
    autoCloseUnratedDays: number;
    renewalLeadDays: number;
  }> = {},
): Promise<TWorld> {
  const tag = randomBytes(4).toString("hex");
  const org = async (kind: OrgKind, name: string) =>
    (await prisma.organization.create({ data: { kind, name: `${name} ${tag}` }, select: { id: true } })).id;
  const user = async (orgId: string, role: Role, label: string) =>
    (
      await prisma.user.create({
        data: { orgId, role, account: `dl.${label}.${tag}`, name: `${label}`, email: `${label}.${tag}@example.test`, recoveryCodes: [] },
        select: { id: true },
      })
    ).id;

  const financeOrgId = await org(OrgKind.FINANCE_OFFICE, "金融管理局");
  const centralBankOrgId = await org(OrgKind.CENTRAL_BANK, "人民银行");
  const bankOrgId = await org(OrgKind.BANK, "测试银行");
  const parkOrgId = await org(OrgKind.PARK, "测试园区");
  const enterpriseOrgId = await org(OrgKind.ENTERPRISE, "测试企业");
  const parkId = (await prisma.park.create({ data: { orgId: parkOrgId, code: `P${tag}` }, select: { id: true } })).id;
  const enterpriseId = (
    await prisma.enterprise.create({
      data: {
        orgId: enterpriseOrgId,
        uscc: `91${tag}`.toUpperCase().padEnd(18, "0"),
        name: `测试企业 ${tag}`,
        parkId,
        industrySection: "C",
        size: "SMALL",
        registrationStatus: "APPROVED",
      },
      select: { id: true },
    })
  ).id;
  const program = await prisma.program.create({ data: { name: `专项 ${tag}`, docNumber: `文${tag}`, year: 2026 }, select: { id: true } });
  const rule = await prisma.programRuleVersion.create({
    data: {
      programId: program.id,
      version: 1,
      replyDeadlineDays: 5,
      escalateAfterDays: 0,
      bulletinAfterRemindDays: 5,
      autoCloseUnratedDays: 10,
      renewalLeadDays: 30,
      effectiveFrom: new Date("2026-01-01T00:00:00Z"),
      ...rules,
    },
    select: { id: true },
  });
  const finance = await user(financeOrgId, "FINANCE_ADMIN", "finance");
  return {
    tag,
    financeOrgId,
    centralBankOrgId,
    bankOrgId,
    parkId,
    parkOrgId,
    enterpriseId,
    enterpriseOrgId,
    programId: program.id,
    ruleVersionId: rule.id,
    users: {
      finance,
      centralBank: await user(centralBankOrgId, "CENTRAL_BANK_STAFF", "pbc"),
      bank: await user(bankOrgId, "BANK_MANAGER", "bank"),
      bank2: await user(bankOrgId, "BANK_LIAISON", "bank2"),
      park: await user(parkOrgId, "PARK_STAFF", "park"),
      enterprise: await user(enterpriseOrgId, "ENTERPRISE_OWNER", "ent"),
    },
    financeAdmin: { userId: finance, orgId: financeOrgId },
  };
}

export type TRequestState = {
  status: RequestStatus;
  forwardedAt?: Date;
  dueAt?: Date;
  answeredAt?: Date;
  /** With answeredAt; CAN_DO unless given. */
  answerKind?: "CAN_DO" | "NEEDS_DOCUMENTS";
  remindedAt?: Date;
  escalatedAt?: Date;
  escalationReason?: "OVERDUE" | "UNSOLVABLE" | "PASSED";
  ruleVersionId?: string;
};

/** A request already in `state`, with a ledger of one SUBMIT entry (a real hash chain). */
export async function createRequest(prisma: PrismaClient, w: TWorld, state: TRequestState): Promise<string> {
  serialCounter += 1;
  const r = await prisma.request.create({
    data: {
      serial: `T${w.tag}-${String(serialCounter).padStart(5, "0")}`,
      programId: w.programId,
      ruleVersionId: state.ruleVersionId ?? w.ruleVersionId,
      enterpriseId: w.enterpriseId,
      parkId: w.parkId,
      type: "FINANCING",
      status: state.status,
      title: `流动资金贷款 ${serialCounter}`,
      description: "测试",
      preferredProducts: [],
      assignedBankId: w.bankOrgId,
      submittedAt: state.forwardedAt ?? new Date("2026-01-05T02:00:00Z"),
      forwardedAt: state.forwardedAt ?? null,
      dueAt: state.dueAt ?? null,
      answeredAt: state.answeredAt ?? null,
      answerKind: state.answeredAt ? (state.answerKind ?? "CAN_DO") : null,
      remindedAt: state.remindedAt ?? null,
      escalatedAt: state.escalatedAt ?? null,
      escalationReason: state.escalationReason ?? null,
    },
    select: { id: true },
  });
  await appendLedgerEntry(prisma, {
    requestId: r.id,
    action: LedgerAction.SUBMIT,
    actorUserId: w.users.enterprise,
    actorOrgId: w.enterpriseOrgId,
    toStatus: "SUBMITTED",
    occurredAt: new Date("2026-01-05T02:00:00Z"),
  });
  return r.id;
}
