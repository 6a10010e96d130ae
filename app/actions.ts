"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { ZSetLocaleInput } from "@/lib/i18n/schemas";
import { defineAction } from "@/lib/server/action";
import { isProduction } from "@/lib/server/env";

export const setLocaleAction = defineAction({
  name: "language.set",
  policy: "public",
  schema: ZSetLocaleInput,
  async handler({ input }) {
    (await cookies()).set(LOCALE_COOKIE, input.locale, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      secure: isProduction(),
      maxAge: 60 * 60 * 24 * 365,
    });
    revalidatePath("/", "layout");
  },
});
