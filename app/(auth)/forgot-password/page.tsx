import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { AuthCard, AuthPageFrame } from "../auth-page";
import { ForgotPasswordForm } from "./forgot-password-form";

export const dynamic = "force-dynamic";

// Public: a user who cannot sign in asks for a reset link by e-mail.
export default async function ForgotPasswordPage() {
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("passwordReset");
  return (
    <AuthPageFrame mainClassName="max-w-md">
      <AuthCard id="forgot-title" title={t("forgotTitle")} intro={t("forgotIntro")}>
        <div className="mt-6">
          <ForgotPasswordForm />
        </div>
        <p className="mt-6 text-sm">
          <Link href="/sign-in" className="font-medium text-brand-700 underline">
            {t("backToSignIn")}
          </Link>
        </p>
      </AuthCard>
    </AuthPageFrame>
  );
}
