import { z } from "zod";
import { zPlainText } from "@/lib/validation/fields";

// Messages are keys under "signIn.errors" in the message files.
export const ZSignInInput = z.object({
  login: zPlainText({ message: "loginRequired" }).trim().min(1, { message: "loginRequired" }).max(64, { message: "loginTooLong" }),
  password: z.string({ message: "passwordRequired" }).min(1, { message: "passwordRequired" }).max(128, { message: "invalid" }),
  totp: z.string().trim().max(32).optional(),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export type TSignInError =
  "loginRequired" | "loginTooLong" | "passwordRequired" | "invalid" | "totpRequired" | "totpInvalid" | "rateLimited" | "unavailable";

export type TSignInState = {
  error?: TSignInError;
  field?: "login" | "password" | "totp";
  login?: string;
  askTotp?: boolean;
  // With "rateLimited": whole minutes until the next attempt is accepted.
  retryMinutes?: number;
};
