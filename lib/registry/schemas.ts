import { z } from "zod";
import { zPlainText } from "@/lib/validation/fields";
import { checkPasswordPolicy } from "@/lib/auth/password";
import { explainUsccError, normalizeUscc } from "./uscc";
import { compactMobile, MOBILE_PATTERN } from "@/lib/mobile";
import { isUuid } from "@/lib/ids";
import { effectiveDate } from "./contacts";
import {
  CLASS_REASON_MAX,
  CLASS_REASON_MIN,
  CREDIT_RATING_MAX,
  divisionInSection,
  ENTERPRISE_SIZES,
  INDUSTRY_SECTIONS,
  ORG_NAME_MAX,
  PHONE_PATTERN,
  SHORT_NAME_MAX,
  SUPPORT_CLASSES,
  TAG_MAX,
  TAGS_MAX,
} from "./rules";

// Input of enterprise self-registration and of the park window's review. Every message
// is a code under "registration.errors" in the message files: the form translates it.
// Shared by the server actions (defineAction parses with them) and the mutations (they
// parse again, so a caller that skips the action cannot skip the rules).

export const ACCOUNT_PATTERN = /^[A-Za-z0-9._-]{3,32}$/;
export const REJECT_REASON_MIN = 5;
export const REJECT_REASON_MAX = 500;
export const ENTERPRISE_NAME_MAX = 100;
export const CONTACT_NAME_MAX = 32;
const PASSWORD_MAX = 128;

const USCC_ERROR_CODE = { length: "usccLength", charset: "usccCharset", checksum: "usccChecksum" } as const;

// A missing field arrives as undefined (FormData without the key): same message as "".
const text = () => zPlainText({ message: "required" });

export const ZRegistrationInput = z
  .object({
    uscc: text()
      .transform(normalizeUscc)
      .superRefine((value, ctx) => {
        if (value === "") {
          ctx.addIssue({ code: "custom", message: "required" });
          return;
        }
        const problem = explainUsccError(value);
        if (problem) ctx.addIssue({ code: "custom", message: USCC_ERROR_CODE[problem] });
      }),
    name: text().trim().min(1, { message: "required" }).max(ENTERPRISE_NAME_MAX, { message: "nameTooLong" }),
    parkId: z.uuid({ message: "parkRequired" }),
    industrySection: z.enum(INDUSTRY_SECTIONS, { message: "industryRequired" }),
    size: z.enum(ENTERPRISE_SIZES, { message: "sizeRequired" }),
    contactName: text().trim().min(1, { message: "required" }).max(CONTACT_NAME_MAX, { message: "contactNameTooLong" }),
    contactMobile: text()
      .transform(compactMobile)
      .superRefine((value, ctx) => {
        if (value === "") ctx.addIssue({ code: "custom", message: "required" });
        else if (!MOBILE_PATTERN.test(value)) ctx.addIssue({ code: "custom", message: "mobileInvalid" });
      }),
    account: text()
      .trim()
      .superRefine((value, ctx) => {
        if (value === "") ctx.addIssue({ code: "custom", message: "required" });
        else if (!ACCOUNT_PATTERN.test(value)) ctx.addIssue({ code: "custom", message: "accountInvalid" });
        // Sign-in accepts a mobile number too, so a name that is one would be refused as
        // taken exactly when that number is registered: refused always, it tells nothing.
        else if (MOBILE_PATTERN.test(compactMobile(value))) ctx.addIssue({ code: "custom", message: "accountIsMobile" });
      }),
    password: text().min(1, { message: "required" }).max(PASSWORD_MAX, { message: "tooLong" }),
    confirmPassword: text().min(1, { message: "required" }).max(PASSWORD_MAX, { message: "tooLong" }),
  })
  // Runs even when other fields are wrong (zod skips object refinements otherwise), so
  // every field's error shows at once; only needs the two passwords to be non-empty text.
  // Not when the input is no object at all (a caller may post null or a number): there is
  // nothing to compare, and reading a field of null would throw past the action's parse.
  .superRefine(
    (value, ctx) => {
      const v = value as Partial<Record<string, unknown>>;
      const str = (x: unknown) => (typeof x === "string" ? x : "");
      const password = str(v.password);
      if (!password) return;
      const policy = checkPasswordPolicy(password, {
        account: str(v.account).trim(),
        name: str(v.contactName).trim(),
        mobile: compactMobile(str(v.contactMobile)),
      });
      if (policy) ctx.addIssue({ code: "custom", path: ["password"], message: policy });
      else if (str(v.confirmPassword) && password !== v.confirmPassword) {
        ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordMismatch" });
      }
    },
    { when: ({ value }) => typeof value === "object" && value !== null },
  );

export type TRegistrationInput = z.input<typeof ZRegistrationInput>;
export type TRegistration = z.output<typeof ZRegistrationInput>;

export const ZApproveRegistrationInput = z.object({
  enterpriseId: z.uuid({ message: "notFound" }),
});

export const ZRejectRegistrationInput = z.object({
  enterpriseId: z.uuid({ message: "notFound" }),
  reason: text()
    .trim()
    .min(1, { message: "reasonRequired" })
    .min(REJECT_REASON_MIN, { message: "reasonTooShort" })
    .max(REJECT_REASON_MAX, { message: "reasonTooLong" }),
});

export type TReviewInput = { decision: "approve"; enterpriseId: string } | { decision: "reject"; enterpriseId: string; reason: string };

// ───────────────────────── the registries: enterprises, parks, banks, guarantee companies ─────────────────────────
// Every message is a code under "registry.errors" in the message files.

// Optional fields also accept null, so a parsed value parses again unchanged (the
// mutation re-parses what the action already parsed).
const optionalText = (max: number, code: string) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, { message: code })
    .transform((v) => (v === "" ? null : v));
const requiredText = (max: number, code: string) => text().trim().min(1, { message: "required" }).max(max, { message: code });
const id = (code = "notFound") => z.uuid({ message: code });
// A choice of record that may be left empty ("" or absent → null); anything else must be an id.
const optionalId = (code = "notFound") =>
  z
    .string()
    .nullish()
    .refine((v) => !v || isUuid(v), { message: code })
    .transform((v) => (v ? v : null));
const DIVISION_CODE_MAX = 8;

const optionalMobile = z
  .string()
  .nullish()
  .transform((v) => compactMobile(v ?? ""))
  .superRefine((v, ctx) => {
    if (v !== "" && !MOBILE_PATTERN.test(v)) ctx.addIssue({ code: "custom", message: "mobileInvalid" });
  })
  .transform((v) => (v === "" ? null : v));

const uscc = text()
  .transform(normalizeUscc)
  .superRefine((value, ctx) => {
    if (value === "") return void ctx.addIssue({ code: "custom", message: "required" });
    const problem = explainUsccError(value);
    if (problem) ctx.addIssue({ code: "custom", message: USCC_ERROR_CODE[problem] });
  });

// Checkboxes arrive as one string or a list; an absent field is no tags.
const tags = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : v ? [v] : []).map((t) => t.trim()).filter(Boolean))])
  .refine((list) => list.length <= TAGS_MAX && list.every((t) => t.length <= TAG_MAX), { message: "tagsInvalid" });

const enterpriseFields = {
  uscc,
  name: requiredText(ENTERPRISE_NAME_MAX, "nameTooLong"),
  parkId: optionalId("parkRequired"),
  industrySection: z.enum(INDUSTRY_SECTIONS, { message: "industryRequired" }),
  industryDivision: z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim() || null)
    .refine((v) => v === null || v.length <= DIVISION_CODE_MAX, { message: "divisionInvalid" }),
  size: z.enum(ENTERPRISE_SIZES, { message: "sizeRequired" }),
  tags,
  creditRating: optionalText(CREDIT_RATING_MAX, "creditRatingTooLong"),
  contactName: optionalText(CONTACT_NAME_MAX, "contactNameTooLong"),
  contactMobile: optionalMobile,
};

function checkDivision(value: { industrySection?: unknown; industryDivision?: unknown }, ctx: z.RefinementCtx) {
  const division = value.industryDivision;
  if (typeof division === "string" && division !== "" && !divisionInSection(String(value.industrySection), division)) {
    ctx.addIssue({ code: "custom", path: ["industryDivision"], message: "divisionInvalid" });
  }
}

export const ZEnterpriseCreateInput = z.object(enterpriseFields).superRefine(checkDivision);
export const ZEnterpriseUpdateInput = z.object({ enterpriseId: id(), ...enterpriseFields }).superRefine(checkDivision);
export type TEnterpriseCreate = z.output<typeof ZEnterpriseCreateInput>;
export type TEnterpriseUpdate = z.output<typeof ZEnterpriseUpdateInput>;

export const ZEnterpriseIdInput = z.object({ enterpriseId: id() });

export const ZChangeClassInput = z.object({
  enterpriseId: id(),
  toClass: z.enum(SUPPORT_CLASSES, { message: "classRequired" }),
  reason: text()
    .trim()
    .min(1, { message: "reasonRequired" })
    .min(CLASS_REASON_MIN, { message: "reasonTooShort" })
    .max(CLASS_REASON_MAX, { message: "reasonTooLong" }),
});
export type TChangeClass = z.output<typeof ZChangeClassInput>;

const optionalPhone = z
  .string()
  .nullish()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || PHONE_PATTERN.test(v), { message: "phoneInvalid" })
  .transform((v) => (v === "" ? null : v));

const orgName = { name: requiredText(ORG_NAME_MAX, "nameTooLong"), shortName: optionalText(SHORT_NAME_MAX, "shortNameTooLong") };

export const ZOrgIdInput = z.object({ orgId: id() });

export const ZParkUpdateInput = z.object({
  orgId: id(),
  ...orgName,
  district: optionalText(32, "tooLong"),
  address: optionalText(200, "tooLong"),
  windowName: optionalText(64, "tooLong"),
  windowPhone: optionalPhone,
});
export type TParkUpdate = z.output<typeof ZParkUpdateInput>;

export const ZBankUpdateInput = z.object({
  orgId: id(),
  ...orgName,
  // Empty: a top bank of the program (no parent).
  parentId: optionalId(),
});
export type TBankUpdate = z.output<typeof ZBankUpdateInput>;

export const ZGuarantorCreateInput = z.object(orgName);
export const ZGuarantorUpdateInput = z.object({ orgId: id(), ...orgName });
export type TGuarantorCreate = z.output<typeof ZGuarantorCreateInput>;
export type TGuarantorUpdate = z.output<typeof ZGuarantorUpdateInput>;

// ───────────────────────── bank contacts ─────────────────────────

const contactText = (max = 32) =>
  zPlainText({ message: "required" }).trim().min(1, { message: "required" }).max(max, { message: "tooLong" });

export const ZBankContactInput = z.object({
  bankOrgId: z.uuid({ message: "notFound" }),
  firstPersonName: contactText(),
  firstPersonTitle: contactText(),
  firstPersonMobile: optionalMobile,
  secondPersonName: contactText(),
  secondPersonTitle: contactText(),
  secondPersonMobile: optionalMobile,
  department: contactText(64),
  liaisonName: contactText(),
  liaisonMobile: optionalMobile,
  liaisonPhone: optionalPhone,
  effectiveOn: z
    .string({ message: "required" })
    .trim()
    .refine((v) => v !== "", { message: "required" })
    .refine(
      (v) => {
        try {
          return effectiveDate(v).getUTCFullYear() >= 2000;
        } catch {
          return false;
        }
      },
      { message: "dateInvalid" },
    ),
});
export type TBankContactInput = z.output<typeof ZBankContactInput>;

/** Turns a zod failure into { field: code }, first issue per field (as defineAction does). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "form"] ??= issue.message;
  return out;
}
