import { z } from "zod";
import { zPlainText } from "@/lib/validation/fields";
import { BankLevel, OrgKind, Role } from "@/lib/generated/prisma/enums";
import { orgKindOfRole } from "@/lib/auth/permissions";
import { compactMobile, MOBILE_PATTERN } from "@/lib/mobile";
import { foldFullWidth } from "@/lib/validation/fold-full-width";

// Inputs of user and organization management, parsed by the server actions (every
// message is a key under "users.errors" / "orgs.errors"), and the rules on which roles
// an actor may hand out. Pure: no database, no framework.

// ── roles an actor may assign ──

// Never above the actor: a park window creates park windows, an enterprise owner owners
// and members, a bank manager managers and liaisons; the finance admin any role (it
// creates every organization's first user). Everyone else assigns nothing.
const ASSIGNABLE_BY: Partial<Record<Role, readonly Role[]>> = {
  [Role.FINANCE_ADMIN]: Object.values(Role),
  [Role.BANK_MANAGER]: [Role.BANK_MANAGER, Role.BANK_LIAISON],
  [Role.PARK_STAFF]: [Role.PARK_STAFF],
  [Role.ENTERPRISE_OWNER]: [Role.ENTERPRISE_OWNER, Role.ENTERPRISE_MEMBER],
};

/** The roles that exist in an organization of this kind (none for a guarantee company yet). */
export function rolesForOrgKind(kind: OrgKind): Role[] {
  return Object.values(Role).filter((role) => orgKindOfRole(role) === kind);
}

/** The roles `actorRole` may give a user of an organization of kind `kind`. */
export function assignableRoles(actorRole: Role, kind: OrgKind): Role[] {
  const mine = ASSIGNABLE_BY[actorRole] ?? [];
  return rolesForOrgKind(kind).filter((role) => mine.includes(role));
}

export function mayAssignRole(actorRole: Role, kind: OrgKind, role: Role): boolean {
  return assignableRoles(actorRole, kind).includes(role);
}

// Kinds the finance office creates here; enterprises register themselves.
export const CREATABLE_ORG_KINDS = [
  OrgKind.FINANCE_OFFICE,
  OrgKind.CENTRAL_BANK,
  OrgKind.BANK,
  OrgKind.PARK,
  OrgKind.GUARANTEE_COMPANY,
] as const;
export type TCreatableOrgKind = (typeof CREATABLE_ORG_KINDS)[number];

// 总行 above 分行 above 支行: a parent bank must sit higher than its branch.
export const BANK_LEVEL_RANK: Record<BankLevel, number> = {
  [BankLevel.HEAD_OFFICE]: 0,
  [BankLevel.BRANCH]: 1,
  [BankLevel.SUB_BRANCH]: 2,
};

// ── field rules ──

// "" from an empty form field means "not given".
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const requiredText = (max: number) =>
  zPlainText({ message: "required" }).trim().min(1, { message: "required" }).max(max, { message: "tooLong" });

const optionalText = (max: number) => z.preprocess(blankToUndefined, zPlainText().trim().max(max, { message: "tooLong" }).optional());

// Starts with a letter, so an account can never be mistaken for a mobile number at sign-in.
export const ACCOUNT_PATTERN = /^[a-z][a-z0-9._@-]{2,63}$/;
export const ID_NUMBER_PATTERN = /^(?:\d{17}[\dX]|\d{15})$/;

const zAccount = z
  .string({ message: "required" })
  .trim()
  .toLowerCase()
  .min(1, { message: "required" })
  .regex(ACCOUNT_PATTERN, { message: "accountFormat" });

const zMobile = z
  .string({ message: "required" })
  .transform(compactMobile)
  .pipe(z.string().min(1, { message: "required" }).regex(MOBILE_PATTERN, { message: "mobileFormat" }));

const zIdNumber = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform((v) => foldFullWidth(v).replace(/\s/g, "").toUpperCase())
    .pipe(z.string().regex(ID_NUMBER_PATTERN, { message: "idNumberFormat" }))
    .optional(),
);

const zUuid = z.guid({ message: "required" });
const zRole = z.enum(Role, { message: "roleInvalid" });

// ── users ──

export const ZNewUserFields = z.object({
  name: requiredText(64),
  account: zAccount,
  mobile: zMobile,
  idNumber: zIdNumber,
  role: zRole,
});
export type TNewUserFields = z.infer<typeof ZNewUserFields>;

export const ZCreateUserInput = ZNewUserFields.extend({ orgId: zUuid });
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUserIdInput = z.object({ userId: zUuid });
export type TUserIdInput = z.infer<typeof ZUserIdInput>;

export const ZChangeRoleInput = z.object({ userId: zUuid, role: zRole });
export type TChangeRoleInput = z.infer<typeof ZChangeRoleInput>;

export const PII_FIELDS = ["mobile", "idNumber"] as const;
export type TPiiField = (typeof PII_FIELDS)[number];
export const ZRevealInput = z.object({ userId: zUuid, field: z.enum(PII_FIELDS, { message: "required" }) });
export type TRevealInput = z.infer<typeof ZRevealInput>;

// ── organizations ──

export const PARK_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const PHONE_PATTERN = /^[0-9+\-() ]{5,32}$/;

export const ZCreateOrganizationInput = z
  .object({
    kind: z.enum(CREATABLE_ORG_KINDS, { message: "kindInvalid" }),
    name: requiredText(100),
    shortName: optionalText(40),
    // bank
    parentId: z.preprocess(blankToUndefined, zUuid.optional()),
    bankLevel: z.preprocess(blankToUndefined, z.enum(BankLevel, { message: "bankLevelRequired" }).optional()),
    // park
    parkCode: z.preprocess(
      blankToUndefined,
      z.string().trim().toUpperCase().regex(PARK_CODE_PATTERN, { message: "parkCodeFormat" }).optional(),
    ),
    district: optionalText(40),
    windowName: optionalText(60),
    windowPhone: z.preprocess(blankToUndefined, z.string().trim().regex(PHONE_PATTERN, { message: "phoneFormat" }).optional()),
    // the first user; a guarantee company has no role yet, so no user
    user: z.preprocess(
      (v) => (v && typeof v === "object" && Object.values(v).every((x) => blankToUndefined(x) === undefined) ? undefined : v),
      ZNewUserFields.optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.kind === OrgKind.BANK && !v.bankLevel) ctx.addIssue({ code: "custom", path: ["bankLevel"], message: "bankLevelRequired" });
    if (v.kind === OrgKind.PARK && !v.parkCode) ctx.addIssue({ code: "custom", path: ["parkCode"], message: "required" });
    const roles = rolesForOrgKind(v.kind);
    if (roles.length > 0 && !v.user) ctx.addIssue({ code: "custom", path: ["user.name"], message: "required" });
    if (v.user && !roles.includes(v.user.role)) ctx.addIssue({ code: "custom", path: ["user.role"], message: "roleInvalid" });
  });
export type TCreateOrganizationInput = z.infer<typeof ZCreateOrganizationInput>;

/** Form fields "user.name", "user.account" … → { user: { name, account … } }. */
export function nestUserFields(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || raw instanceof FormData) return raw;
  // Built with Object.fromEntries: assigning a "__proto__" field would replace the
  // object's prototype instead of adding a field.
  const entries = Object.entries(raw);
  const out = Object.fromEntries(entries.filter(([key]) => !key.startsWith("user.")));
  const user = entries.filter(([key]) => key.startsWith("user.")).map(([key, value]) => [key.slice(5), value] as const);
  return user.length > 0 ? { ...out, user: Object.fromEntries(user) } : out;
}

// ───────────────────────── sign-in, sign-out and one's own account ─────────────────────────

// Sign-in. Messages are keys under "signIn.errors" in the message files.
export const ZSignInInput = z.object({
  login: zPlainText({ message: "loginRequired" }).trim().min(1, { message: "loginRequired" }).max(64, { message: "loginTooLong" }),
  password: z.string({ message: "passwordRequired" }).min(1, { message: "passwordRequired" }).max(128, { message: "invalid" }),
  totp: z.string().trim().max(32).optional(),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

// Signing out takes no input.
export const ZSignOutInput = z.object({});

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, { message: "required" }).max(128, { message: "tooLong" }),
    newPassword: z.string().min(1, { message: "required" }).max(128, { message: "tooLong" }),
    confirmPassword: z.string().min(1, { message: "required" }).max(128, { message: "tooLong" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "passwordMismatch", path: ["confirmPassword"] });

export const ZConfirmTotpInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: "totpInvalid" }),
});

// The form posts the first user's fields as "user.name", "user.account" …
export const ZCreateOrganizationForm = z.preprocess(nestUserFields, ZCreateOrganizationInput);

// ── password reset links ──

export const ZRequestPasswordResetInput = z.object({
  login: zPlainText({ message: "loginRequired" }).trim().min(1, { message: "loginRequired" }).max(64, { message: "loginTooLong" }),
});
export type TRequestPasswordResetInput = z.infer<typeof ZRequestPasswordResetInput>;

// A token is 43 base64url characters; anything else cannot match and is refused as an
// invalid link by the same path as a wrong one.
export const ZResetPasswordInput = z
  .object({
    token: z
      .string({ message: "resetLinkInvalid" })
      .trim()
      .min(1, { message: "resetLinkInvalid" })
      .max(128, { message: "resetLinkInvalid" }),
    newPassword: z.string().min(1, { message: "required" }).max(128, { message: "tooLong" }),
    confirmPassword: z.string().min(1, { message: "required" }).max(128, { message: "tooLong" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "passwordMismatch", path: ["confirmPassword"] });
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;
