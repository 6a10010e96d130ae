import { isOverRegistrationLimit, registrationWindowStart } from "../registration-limit";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { OrgKind, RegistrationStatus, Role } from "@/lib/generated/prisma/enums";
import { fieldErrorsOf, ZRegistrationInput, type TRegistration, type TRegistrationInput } from "../schemas";

export type TReceiptCommon = {
  enterpriseName: string;
  account: string;
  parkName: string;
  windowName: string | null;
  windowPhone: string | null;
};

/**
 * "submitted": the enterprise, its organization and owner account exist (PENDING).
 * "held": the USCC or the mobile number belongs to someone already; nothing was created and
 * the application waits, in the audit log, for the park window to sort it out by phone.
 * The public answer is the same for both (the caller must not pass `status` on).
 */
export type TRegistrationReceipt =
  (TReceiptCommon & { status: "submitted"; enterpriseId: string; orgId: string; userId: string }) | (TReceiptCommon & { status: "held" });

/** What the visitor is told: the same fields, whether the application was submitted or held. */
export function publicReceipt(receipt: TRegistrationReceipt): TReceiptCommon {
  const { enterpriseName, account, parkName, windowName, windowPhone } = receipt;
  return { enterpriseName, account, parkName, windowName, windowPhone };
}

/** Audit actions that count towards an address's registration limit. */
export const REGISTRATION_ATTEMPT_ACTIONS = ["registration.submitted", "registration.held"] as const;

type TDb = Pick<Prisma.TransactionClient, "enterprise" | "user">;

type TTaken = { uscc: boolean; account: boolean; contactMobile: boolean };

/**
 * Which unique values are taken:
 *   uscc    another enterprise has it (whatever its status);
 *   account an account name (case-insensitively) or a mobile number someone signs in with
 *           (sign-in accepts either, so neither may shadow the other);
 *   contactMobile  the same, for the owner's mobile number.
 * Only `account` is ever told to the visitor (see submitRegistration).
 */
export async function findTakenFields(db: TDb, input: Pick<TRegistration, "uscc" | "account" | "contactMobile">): Promise<TTaken> {
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
  return { uscc: enterprise !== null, account: accountTaken !== null, contactMobile: mobileTaken !== null };
}

const ACCOUNT_TAKEN = { account: "accountTaken" } as const;

// A value was taken between the check and the transaction.
class LostRace extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Enterprise self-registration. Creates, in one transaction, the enterprise's
 * organization, the enterprise (PENDING until its park's window approves it), the owner
 * account and the audit entry "registration.submitted". The input is parsed again here
 * (codes under "registration.errors").
 * A USCC or mobile number that is already registered is never told to the visitor (that
 * would tell who is registered): the application is "held" instead — nothing created, the
 * audit entry "registration.held" carries it to the park window's queue — and the answer
 * is the same as for a new registration. A taken account name is refused ("accountTaken"):
 * the visitor chose it and must choose another to sign in with; names that look like a
 * mobile number are refused whether taken or not (schemas.ts), so this cannot probe mobiles.
 * Errors: AppError("invalidInput", { field: code }), AppError("rateLimited").
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
    where: { action: { in: [...REGISTRATION_ATTEMPT_ACTIONS] }, ip: meta.ip, occurredAt: { gte: registrationWindowStart(now) } },
  });
  if (isOverRegistrationLimit(recent)) {
    await writeAudit(db, { action: "registration.rateLimited", outcome: "DENIED", ...meta, details: { recent } });
    throw new AppError("rateLimited");
  }

  const park = await db.park.findFirst({
    where: { id: input.parkId, org: { active: true } },
    select: { id: true, windowName: true, windowPhone: true, org: { select: { name: true } } },
  });
  if (!park) throw new AppError("invalidInput", { parkId: "parkRequired" });
  const common: TReceiptCommon = {
    enterpriseName: input.name,
    account: input.account,
    parkName: park.org.name,
    windowName: park.windowName,
    windowPhone: park.windowPhone,
  };
  const hold = async (taken: TTaken): Promise<TRegistrationReceipt> => {
    await writeAudit(db, {
      action: "registration.held",
      outcome: "DENIED",
      targetType: "Park",
      targetId: park.id,
      ...meta,
      details: {
        parkId: park.id,
        uscc: input.uscc,
        name: input.name,
        contactName: input.contactName,
        contactMobile: input.contactMobile,
        account: input.account,
        conflicts: (["uscc", "contactMobile"] as const).filter((field) => taken[field]),
      },
    });
    return { status: "held", ...common };
  };

  const taken = await findTakenFields(db, input);
  if (taken.account) throw new AppError("invalidInput", ACCOUNT_TAKEN);
  // Hashing takes a moment: done before the transaction, not while holding it open, and
  // for a held application too, so that both answers take as long.
  const passwordHash = await hashPassword(input.password);
  if (taken.uscc || taken.contactMobile) return hold(taken);

  try {
    return await db.$transaction(async (tx) => {
      // Checked again inside: a parallel registration may have taken a value meanwhile
      // (the unique indexes are the last word; see the catch below).
      const takenNow = await findTakenFields(tx, input);
      if (takenNow.account || takenNow.uscc || takenNow.contactMobile) throw new LostRace();
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
      return { status: "submitted" as const, enterpriseId: enterprise.id, orgId: org.id, userId: user.id, ...common };
    });
  } catch (error) {
    if (!(error instanceof LostRace) && !isUniqueViolation(error)) throw error;
    // Lost a race with a parallel registration: answered as the checks above would.
    const lost = await findTakenFields(db, input);
    if (lost.account) throw new AppError("invalidInput", ACCOUNT_TAKEN);
    return hold(lost.uscc || lost.contactMobile ? lost : { uscc: true, account: false, contactMobile: false });
  }
}
