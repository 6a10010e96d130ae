import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard, AuthPageFrame } from "../auth-page";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";

// Public: the page an e-mailed reset link opens. Whether the token is good is decided when
// the form is sent (resetPasswordWithToken), so merely opening a link consumes nothing and
// a link preview by a mail client cannot use it up.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("passwordReset");
  const value = typeof token === "string" ? token.trim() : "";
  return (
    <AuthPageFrame mainClassName="max-w-md">
      <AuthCard id="reset-title" title={t("resetTitle")} intro={t("resetIntro")}>
        <div className="mt-6">
          {value ? (
            <ResetPasswordForm token={value} />
          ) : (
            <p role="alert" className="text-sm text-red-700">
              {t("missingToken")}{" "}
              <Link href="/forgot-password" className="font-medium text-brand-700 underline">
                {t("requestAgain")}
              </Link>
            </p>
          )}
        </div>
      </AuthCard>
    </AuthPageFrame>
  );
}
