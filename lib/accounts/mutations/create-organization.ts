import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BankLevel, OrgKind } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { isNothing, organizationScope } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { BANK_LEVEL_RANK, mayAssignRole, rolesForOrgKind, type TCreateOrganizationInput } from "../schemas";
import type { TRequestMeta } from "./authenticate";
import { generateTemporaryPassword, insertUserWithTemporaryPassword, withUniqueGuard } from "./manage-users";

export type TCreatedOrganization = {
  orgId: string;
  // The first user and its temporary password, shown once (none for a guarantee company,
  // which has no role yet).
  firstUser: { userId: string; account: string; temporaryPassword: string } | null;
};

/**
 * The finance office adds an organization taking part in the program — a bank (under
 * its parent bank), a park (with its Park row), the central bank branch, another finance
 * office unit or a guarantee company — together with its first user, in one transaction.
 * Enterprises register themselves and are not created here.
 */
export async function createOrganization(
  db: PrismaClient,
  actor: TActor,
  input: TCreateOrganizationInput,
  meta: TRequestMeta,
): Promise<TCreatedOrganization> {
  if (!canActor(actor, "orgs.create")) throw new AppError("forbidden");
  if ((input.kind as OrgKind) === OrgKind.ENTERPRISE) throw new AppError("invalidInput", { kind: "kindInvalid" });
  const roles = rolesForOrgKind(input.kind);
  const user = roles.length > 0 ? input.user : undefined;
  if (roles.length > 0 && !user) throw new AppError("invalidInput", { "user.name": "required" });
  if (user && !mayAssignRole(actor.role, input.kind, user.role)) throw new AppError("invalidInput", { "user.role": "roleNotAllowed" });
  const isBank = input.kind === OrgKind.BANK;
  const isPark = input.kind === OrgKind.PARK;
  if (isBank && !input.bankLevel) throw new AppError("invalidInput", { bankLevel: "bankLevelRequired" });
  if (isPark && !input.parkCode) throw new AppError("invalidInput", { parkCode: "required" });

  const temporaryPassword = user ? generateTemporaryPassword({ account: user.account, name: user.name }) : null;
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;

  return withUniqueGuard(
    () =>
      db.$transaction(async (tx) => {
        let parentId: string | null = null;
        if (isBank && input.parentId) {
          const scope = organizationScope(actor);
          const parent =
            isUuid(input.parentId) && !isNothing(scope)
              ? await tx.organization.findFirst({
                  where: { AND: [{ id: input.parentId }, scope, { kind: OrgKind.BANK, active: true }] },
                  select: { id: true, bankLevel: true },
                })
              : null;
          if (!parent) throw new AppError("invalidInput", { parentId: "parentInvalid" });
          const level = input.bankLevel as BankLevel;
          if (parent.bankLevel && BANK_LEVEL_RANK[parent.bankLevel] >= BANK_LEVEL_RANK[level]) {
            throw new AppError("invalidInput", { parentId: "parentLevel" });
          }
          parentId = parent.id;
        }
        if (isPark && (await tx.park.findUnique({ where: { code: input.parkCode! }, select: { id: true } }))) {
          throw new AppError("invalidInput", { parkCode: "parkCodeTaken" });
        }

        const org = await tx.organization.create({
          data: {
            kind: input.kind,
            name: input.name,
            shortName: input.shortName ?? null,
            parentId,
            bankLevel: isBank ? input.bankLevel! : null,
          },
          select: { id: true },
        });
        if (isPark) {
          await tx.park.create({
            data: {
              orgId: org.id,
              code: input.parkCode!,
              district: input.district ?? null,
              windowName: input.windowName ?? null,
              windowPhone: input.windowPhone ?? null,
            },
          });
        }
        await writeAudit(tx, {
          action: "orgs.created",
          actorUserId: actor.userId,
          actorOrgId: actor.orgId,
          targetType: "Organization",
          targetId: org.id,
          ...meta,
          details: {
            kind: input.kind,
            name: input.name,
            parentId,
            bankLevel: isBank ? input.bankLevel! : null,
            parkCode: isPark ? input.parkCode! : null,
          },
        });

        if (!user || !temporaryPassword || !passwordHash) return { orgId: org.id, firstUser: null };
        const userId = await insertUserWithTemporaryPassword(tx, { ...user, orgId: org.id, passwordHash }, "user.");
        await writeAudit(tx, {
          action: "users.created",
          actorUserId: actor.userId,
          actorOrgId: actor.orgId,
          targetType: "User",
          targetId: userId,
          ...meta,
          details: { orgId: org.id, role: user.role, account: user.account, firstUser: true },
        });
        return { orgId: org.id, firstUser: { userId, account: user.account, temporaryPassword } };
      }),
    "user.",
  );
}
