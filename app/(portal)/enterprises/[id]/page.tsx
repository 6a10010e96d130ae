import { notFound } from "next/navigation";
import { DetailList } from "@/components/ui/detail-list";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { getEnterpriseDetail } from "@/lib/enterprises/queries/get-enterprise-detail";
import { isUuid } from "@/lib/ids";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { RevealMobile } from "./reveal-mobile";

export const dynamic = "force-dynamic";

export default async function EnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("enterprises.read");
  const { id } = await params;
  const e = isUuid(id) ? await getEnterpriseDetail(db(), user, id) : null;
  if (!e) notFound();
  const t = await getTranslations("enterprises");
  const rows: [string, React.ReactNode][] = [
    [
      t("uscc"),
      <code key="uscc" className="font-mono">
        {e.uscc}
      </code>,
    ],
    [t("park"), e.parkName],
    [t("industry"), e.industrySection],
    [t("size"), t(`sizes.${e.size}`)],
    [t("tags"), e.tags.length > 0 ? e.tags.join("、") : t("none")],
    [t("supportClass"), e.supportClass ?? t("none")],
    [t("registration"), t(`registrationStatuses.${e.registrationStatus}`)],
    [t("contact"), e.contactName ?? t("none")],
    [
      t("contactMobile"),
      e.contactMobileMasked ? (
        <RevealMobile key="mobile" enterpriseId={e.id} masked={e.contactMobileMasked} canReveal={can(user.role, "pii.reveal")} />
      ) : (
        t("none")
      ),
    ],
  ];
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader eyebrow={t("detailTitle")} title={e.name} />
      <DetailList rows={rows} />
    </main>
  );
}
