"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALES, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { isProduction } from "@/lib/server/env";

const ZSetLocaleInput = z.object({ locale: z.enum(LOCALES) });

export async function setLocale(formData: FormData): Promise<void> {
  const parsed = ZSetLocaleInput.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return; // an unknown language changes nothing
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: isProduction(),
    maxAge: 60 * 60 * 24 * 365,
  });
  revalidatePath("/", "layout");
}
