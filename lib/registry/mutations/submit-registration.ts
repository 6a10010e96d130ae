import { isOverRegistrationLimit, registrationWindowStart } from "../registration-limit";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, RegistrationStatus, Role } from "@/lib/generated/prisma/enums";
import { fieldErrorsOf, ZRegistrationInput, type TRegistration, type TRegistrationInput } from "../schemas";

export type TRegistrationReceipt = {
  enterpriseId: string;
  orgId: string;
  userId: string;
  enterpriseName: string;
  account: string;
  parkName: string;
  windowName: string | null;
  windowPhone: string | null;
};

type TDb = Pick<Prisma.TransactionClient, "enterprise" | "user">;

/**
 * Which of the unique values are taken, as field errors (empty when none):
 *   uscc    another enterprise has it (whatever its status: a rejected one is corrected
 *           by the park window, not registered again);
 *   account an account name, or a mobile number someone signs in with (sign-in accepts
 *           either, so neither may shadow the other); compared case-insensitively;
 *   contactMobile  the same, for the owner's mobile number.
 */
export async function findTakenFields(
  db: TDb,
  input: Pick<TRegistration, "uscc" | "account" | "contactMobile">,
): Promise<Record<string, string>> {
  // One after the other: `db` may be a transaction (one connection, one query at a time).
  const enterprise = await db.enterprise.findUnique({ where: { uscc: input.uscc }, select: { id: true } });
  const accountTaken = await db.user.findFirst({
    where: { OR: [{ account: { equals: input.account, mode: "insensitive" } }, { mobile: input.account }] },
    select: { id: true },
  });
  const mobileTaken = await db.user.findFirst({
    where: { OR: [{ mobile: input.contactMobile }, { account: { equals: input.contactMobile, mode: "insensitive" } }] },
    select: { id: true },
  });
  const taken: Record<string, string> = {};
  if (enterprise) taken.uscc = "usccTaken";
  if (accountTaken) taken.account = "accountTaken";
  if (mobileTaken) taken.contactMobile = "mobileTaken";
  return taken;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Enterprise self-registration. Creates, in one transaction, the enterprise's
 * organization, the enterprise (PENDING until its park's window approves it), the owner
 * account and the audit entry "registration.submitted". The input is parsed again here
 * (codes under "registration.errors"); taken values are refused on their field.
 * Errors: AppError("invalidInput", { field: code }).
 */
export async function submitRegistration(
  db: PrismaClient,
  raw: TRegistrationInput,
  meta: TRequestMeta,
  now: Date = new Date(),
): Promise<TRegistrationReceipt> {
  const parsed = ZRegistrationInput.safeParse(raw);
  if (!parsed.success) throw new AppError("invalidInput", fieldErrorsOf(parsed.error));
  const input = parsed.data;

  // Requests whose address is unknown (null) share one count: no address is no exemption.
  const recent = await db.auditLog.count({
    where: { action: "registration.submitted", ip: meta.ip, occurredAt: { gte: registrationWindowStart(now) } },
  });
  if (isOverRegistrationLimit(recent)) {
    await writeAudit(db, { action: "registration.rateLimited", outcome: "DENIED", ...meta, details: { recent } });
    throw new AppError("rateLimited");
  }

  const park = await db.park.findFirst({
    where: { id: input.parkId, org: { active: true } },
    select: { id: true, windowName: true, windowPhone: true, org: { select: { name: true } } },
  });
  const taken = await findTakenFields(db, input);
  if (!park) throw new AppError("invalidInput", { ...taken, parkId: "parkRequired" });
  if (Object.keys(taken).length > 0) throw new AppError("invalidInput", taken);

  // Hashing takes a moment: done before the transaction, not while holding it open.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      // Checked again inside: a parallel registration may have taken a value meanwhile
      // (the unique indexes are the last word; see the catch below).
      const takenNow = await findTakenFields(tx, input);
      if (Object.keys(takenNow).length > 0) throw new AppError("invalidInput", takenNow);
      const org = await tx.organization.create({
        data: { kind: OrgKind.ENTERPRISE, name: input.name, createdAt: now },
        select: { id: true },
      });
      const enterprise = await tx.enterprise.create({
        data: {
          orgId: org.id,
          uscc: input.uscc,
          name: input.name,
          parkId: park.id,
          industrySection: input.industrySection,
          size: input.size,
          contactName: input.contactName,
          contactMobile: input.contactMobile,
          registrationStatus: RegistrationStatus.PENDING,
          createdAt: now,
        },
        select: { id: true },
      });
      const user = await tx.user.create({
        data: {
          orgId: org.id,
          role: Role.ENTERPRISE_OWNER,
          account: input.account,
          mobile: input.contactMobile,
          name: input.contactName,
          passwordHash,
          passwordChangedAt: now,
          recoveryCodes: [],
          createdAt: now,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        action: "registration.submitted",
        actorUserId: user.id,
        actorOrgId: org.id,
        targetType: "Enterprise",
        targetId: enterprise.id,
        ...meta,
        details: { uscc: input.uscc, parkId: park.id, account: input.account },
      });
      return {
        enterpriseId: enterprise.id,
        orgId: org.id,
        userId: user.id,
        enterpriseName: input.name,
        account: input.account,
        parkName: park.org.name,
        windowName: park.windowName,
        windowPhone: park.windowPhone,
      };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Lost a race with a parallel registration: say which value, as the check above would.
    const lost = await findTakenFields(db, input);
    throw new AppError("invalidInput", Object.keys(lost).length > 0 ? lost : { uscc: "usccTaken" });
  }
}
