"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALES, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { defineAction } from "@/lib/server/action";
import { isProduction } from "@/lib/server/env";

export const setLocaleAction = defineAction({
  name: "language.set",
  policy: "public",
  schema: z.object({ locale: z.enum(LOCALES) }),
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
