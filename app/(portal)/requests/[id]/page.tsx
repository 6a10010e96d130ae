import { notFound } from "next/navigation";
import { DetailList } from "@/components/ui/detail-list";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getRequestDetail, isUuid } from "@/lib/requests/queries/get-request-detail";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../../portal-frame";
import { Timeline } from "./timeline";

export const dynamic = "force-dynamic";

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("requests.read");
  const { id } = await params;
  const detail = isUuid(id) ? await getRequestDetail(db(), user, id) : null;
  if (!detail) notFound();
  const [t, locale] = await Promise.all([getTranslations("requests"), getLocale().then(resolveLocale)]);
  const rows: [string, string][] = [
    [t("serial"), detail.serial],
    [t("type"), t(`types.${detail.type}`)],
    [t("status"), t(`statuses.${detail.status}`)],
    [t("enterprise"), detail.enterpriseName],
    [t("park"), detail.parkName],
    [t("bank"), detail.assignedBankName ?? t("none")],
    [t("amount"), detail.amountFen ? t("amountValue", { amount: formatWanYuan(detail.amountFen, locale) }) : t("none")],
    [t("submittedAt"), detail.submittedAt ? formatDate(detail.submittedAt, locale) : t("none")],
    [t("dueAt"), detail.dueAt ? formatDateTime(detail.dueAt, locale) : t("none")],
  ];
  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
        <p className="text-sm text-slate-600">{t("detailTitle")}</p>
        <h1 className="text-2xl font-semibold">{detail.title}</h1>
        <DetailList rows={rows} />
        <p className="whitespace-pre-line text-slate-800">{detail.description}</p>
        <Timeline
          requestId={detail.id}
          initial={detail.timeline.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() }))}
        />
      </main>
    </PortalFrame>
  );
}
