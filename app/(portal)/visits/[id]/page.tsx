import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { DetailList } from "@/components/ui/detail-list";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/link-styles";
import { areaOfRole } from "@/lib/auth/areas";
import { can } from "@/lib/auth/permissions";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REQUEST } from "@/lib/attachments/rules";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/ids";
import { getVisitDetail } from "@/lib/visits/queries/get-visit-detail";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ConfirmVisitForm } from "./confirm-visit-form";
import { RaiseItemForm } from "./raise-item-form";
import { VisitFiles } from "./visit-files";

export const dynamic = "force-dynamic";

export default async function VisitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("visits.read");
  const { id } = await params;
  const visit = isUuid(id) ? await getVisitDetail(db(), user, id) : null;
  if (!visit) notFound();
  const [t, locale] = await Promise.all([getTranslations("visits"), getLocale().then(resolveLocale)]);
  const none = t("none");
  const mayConfirm =
    visit.status === "RECORDED" &&
    visit.confirmer !== null &&
    visit.confirmer === areaOfRole(user.role) &&
    can(user.role, "visits.confirm");
  const mayRaise = visit.status === "CONFIRMED" && can(user.role, "visits.raiseItem") && visit.enterprises.length > 0;
  const rows: [string, ReactNode][] = [
    [t("columns.park"), visit.parkName],
    [t("columns.bank"), visit.bankName],
    [t("columns.visitedOn"), formatDate(visit.visitedOn, locale)],
    [
      t("columns.leader"),
      <span key="leader" className="flex flex-wrap items-center gap-2" data-testid="visit-leader">
        {visit.leaderName}
        {visit.leaderMismatch && (
          <Badge tone="warn" testId="leader-flag">
            {visit.expectedLeaderName ? t("leaderOther", { name: visit.expectedLeaderName }) : t("leaderNoContact")}
          </Badge>
        )}
      </span>,
    ],
    [
      t("columns.status"),
      <span key="status" data-testid="visit-status">
        {t(`statuses.${visit.status}`)}
      </span>,
    ],
    [t("recordedBy"), visit.recordedByName ?? none],
    [t("confirmedAt"), visit.confirmedAt ? formatDateTime(visit.confirmedAt, locale) : none],
    [t("participants"), [...visit.participants, ...(visit.participantsNote ? [visit.participantsNote] : [])].join("、") || none],
    [t("enterprisesVisited"), visit.enterprises.map((e) => e.name).join("、") || none],
    [t("summary"), visit.summary ?? none],
  ];
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/visits" label={t("back")} />
      <PageHeader eyebrow={t("title")} title={t("detailTitle", { park: visit.parkName, date: formatDate(visit.visitedOn, locale) })} />
      <DetailList rows={rows} />
      {mayConfirm && <ConfirmVisitForm visitId={visit.id} version={visit.version} />}
      {visit.status === "RECORDED" && !mayConfirm && visit.confirmer && (
        <p className="text-sm text-slate-600">{t(visit.confirmer === "bank" ? "waitingBank" : "waitingPark")}</p>
      )}
      <section aria-labelledby="findings-title" className="space-y-3">
        <h2 id="findings-title" className="text-lg font-medium">
          {t("findings")}
        </h2>
        {visit.findings.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noFindings")}</p>
        ) : (
          <ol className="space-y-3">
            {visit.findings.map((f) => (
              <li key={f.id} className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="visit-finding">
                <p className="whitespace-pre-line text-slate-800">
                  {f.position}. {f.text}
                </p>
                {f.item ? (
                  <p className="text-sm">
                    {t("findingItem", { enterprise: f.enterpriseName ?? none })}{" "}
                    <Link href={`/requests/${f.item.id}`} className={linkClass} data-testid="finding-item">
                      {f.item.serial}
                    </Link>
                  </p>
                ) : mayRaise ? (
                  <RaiseItemForm findingId={f.id} text={f.text} enterprises={visit.enterprises} />
                ) : (
                  <p className="text-sm text-slate-600">{t("findingParkLevel")}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <VisitFiles
        visitId={visit.id}
        initial={visit.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() }))}
        mayUpload={can(user.role, "visits.record") && user.orgKind !== "FINANCE_OFFICE"}
        maxBytes={MAX_ATTACHMENT_BYTES}
        maxCount={MAX_ATTACHMENTS_PER_REQUEST}
      />
    </main>
  );
}
