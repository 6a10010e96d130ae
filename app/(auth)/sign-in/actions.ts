"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/server/action";
import { minutesUntil } from "@/lib/auth/sign-in-throttle";
import { SignInFailed, signIn } from "@/lib/server/auth/config";
import { ZSignInInput } from "@/lib/accounts/schemas";
import type { TSignInError, TSignInState } from "./sign-in-state";

const KNOWN: readonly TSignInError[] = ["invalid", "locked", "totpRequired", "totpInvalid", "rateLimited", "unavailable"];

export const signInAction = defineAction({
  name: "auth.signIn",
  policy: "public",
  schema: ZSignInInput,
  async handler({ input }): Promise<TSignInState> {
    try {
      await signIn("credentials", { ...input, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        const code = KNOWN.includes(error.code as TSignInError) ? (error.code as TSignInError) : "invalid";
        if (code === "rateLimited" || code === "locked") {
          const retryAt = error instanceof SignInFailed ? error.retryAt : null;
          return { error: code, field: "password", login: input.login, retryMinutes: retryAt ? minutesUntil(retryAt, new Date()) : 15 };
        }
        const askTotp = code === "totpRequired" || code === "totpInvalid";
        return { error: code, field: askTotp ? "totp" : "password", login: input.login, askTotp };
      }
      if (error instanceof AuthError) return { error: "invalid", field: "password", login: input.login };
      throw error;
    }
    redirect("/");
  },
});
