import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listActiveParks } from "@/lib/registry/queries/list-active-parks";
import { ENTERPRISE_SIZES, INDUSTRY_SECTIONS } from "@/lib/registry/rules";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { AuthCard, AuthPageFrame } from "../auth-page";
import { RegisterForm } from "./register-form";

export const dynamic = "force-dynamic";

// Public: an enterprise signs itself up; its park's window reviews it (/park/registrations).
export default async function RegisterPage() {
  if (await getCurrentUser()) redirect("/");
  const [t, parks] = await Promise.all([getTranslations("registration"), listActiveParks(db())]);
  return (
    <AuthPageFrame mainClassName="max-w-2xl">
      <AuthCard id="register-title" title={t("title")} intro={t("subtitle")}>
        <div className="mt-6">
          <RegisterForm parks={parks.map((p) => ({ id: p.id, name: p.name }))} sections={INDUSTRY_SECTIONS} sizes={ENTERPRISE_SIZES} />
        </div>
      </AuthCard>
    </AuthPageFrame>
  );
}
