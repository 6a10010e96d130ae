import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/server/auth/current-user";
import { PasswordForm } from "./password-form";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPasswordChange: true, allowTotpEnrolment: true });
  const t = await getTranslations("account");
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 px-4 py-8">
      <PageHeader title={t("passwordTitle")} />
      {user.mustChangePassword && (
        <p role="status" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
          {t("passwordMustChange")}
        </p>
      )}
      <PasswordForm />
    </main>
  );
}
