import { z } from "zod";
import { zPlainText } from "@/lib/validation/fields";
import { checkPasswordPolicy } from "@/lib/auth/password";
import { EnterpriseSize } from "@/lib/generated/prisma/enums";
import { explainUsccError, normalizeUscc } from "./uscc";
import { compactMobile, MOBILE_PATTERN } from "@/lib/mobile";

// Input of enterprise self-registration and of the park window's review. Every message
// is a code under "registration.errors" in the message files: the form translates it.
// Shared by the server actions (defineAction parses with them) and the mutations (they
// parse again, so a caller that skips the action cannot skip the rules).

/** GB/T 4754-2017 sections (门类) A–T; their names are in the message files. */
export const INDUSTRY_SECTIONS = [
  "A",
  "B",
  "C",
  "D",
  "E",
  "F",
  "G",
  "H",
  "I",
  "J",
  "K",
  "L",
  "M",
  "N",
  "O",
  "P",
  "Q",
  "R",
  "S",
  "T",
] as const;
export type TIndustrySection = (typeof INDUSTRY_SECTIONS)[number];

export const ENTERPRISE_SIZES = [EnterpriseSize.LARGE, EnterpriseSize.MEDIUM, EnterpriseSize.SMALL, EnterpriseSize.MICRO] as const;

export const ACCOUNT_PATTERN = /^[A-Za-z0-9._-]{3,32}$/;
export const REJECT_REASON_MIN = 5;
export const REJECT_REASON_MAX = 500;
export const ENTERPRISE_NAME_MAX = 100;
export const CONTACT_NAME_MAX = 32;

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
    password: text().min(1, { message: "required" }),
    confirmPassword: text().min(1, { message: "required" }),
  })
  // Runs even when other fields are wrong (zod skips object refinements otherwise), so
  // every field's error shows at once; only needs the two passwords to be non-empty text.
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
    { when: () => true },
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

/** Turns a zod failure into { field: code }, first issue per field (as defineAction does). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "form"] ??= issue.message;
  return out;
}
