"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { redirect } from "next/navigation";
import { findActiveUser } from "@/lib/accounts/queries/find-active-user";
import { dashboardPath } from "@/lib/auth/areas";
import { db } from "@/lib/server/db";
import { ZSignInInput, type TSignInState } from "./schemas";

// Interim sign-in for the foundation release: it only routes an existing account to
// its dashboard shell. Passwords, TOTP and sessions arrive with the accounts issue;
// until then the shells show nothing but public program statistics.
export async function signIn(_prev: TSignInState, formData: FormData): Promise<TSignInState> {
  const raw = formData.get("account");
  const parsed = ZSignInInput.safeParse({ account: raw });
  if (!parsed.success) {
    const code = parsed.error.issues[0]?.message;
    return { error: code === "accountTooLong" ? "accountTooLong" : "accountRequired", account: String(raw ?? "") };
  }
  const user = await findActiveUser(db(), parsed.data.account);
  if (!user) return { error: "unknownAccount", account: parsed.data.account };
  redirect(dashboardPath(user.role));
}
