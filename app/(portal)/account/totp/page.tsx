import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pendingTotpEnrolment } from "@/lib/accounts/mutations/confirm-totp-enrolment";
import { totpQrSvg } from "@/lib/auth/totp";
import { requireUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { TotpForm } from "./totp-form";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

export default async function TotpPage() {
  const user = await requireUser({ allowTotpEnrolment: true });
  const t = await getTranslations("account");
  const pending = await pendingTotpEnrolment(db(), user.userId);
  if (!pending) redirect("/account");
  const qr = await totpQrSvg(pending.uri);
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 px-4 py-8">
      <PageHeader title={t("totpTitle")} />
      {user.needsTotpEnrolment && (
        <p role="status" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
          {t("totpRequired")}
        </p>
      )}
      <p className="text-slate-700">{t("totpScan")}</p>
      <div className="mx-auto w-48" role="img" aria-label={t("totpTitle")} dangerouslySetInnerHTML={{ __html: qr }} />
      <p className="text-sm text-slate-600">
        {t("totpSecret")}{" "}
        <code className="break-all font-mono" data-testid="totp-secret">
          {pending.secret}
        </code>
      </p>
      <TotpForm />
    </main>
  );
}
