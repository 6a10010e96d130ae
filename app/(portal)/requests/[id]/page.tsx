import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { DetailList } from "@/components/ui/detail-list";
import { PageHeader } from "@/components/ui/page-header";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { formatDate, formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { deadlineState } from "@/lib/requests/deadline-state";
import { awaitsAnswer, awaitsDocuments } from "@/lib/requests/workflow/transitions";
import { documentsDueAt } from "@/lib/requests/documents-deadline";
import { getRequestDetail } from "@/lib/requests/queries/get-request-detail";
import { isUuid } from "@/lib/ids";
import { timelineBankNames } from "@/lib/requests/queries/timeline-bank-names";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { EnterprisePanel } from "./_enterprise/panel";
import { ParkPanel } from "./_park/panel";
import { BankPanel } from "./_bank/panel";
import { SupervisionPanel } from "./_supervision/panel";
import { AnswerSection, AttachmentList, OutcomeSection, SupervisionFacts } from "./detail-sections";
import { enumLabel } from "./labels";
import { Timeline } from "./timeline";
import { scopeContextFor } from "@/lib/server/scope-context";
import { SourceVisit } from "@/app/(portal)/visits/source-visit";
import { SourceEvent } from "@/app/(portal)/events/source-event";

export const dynamic = "force-dynamic";

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("requests.read");
  const { id } = await params;
  const detail = isUuid(id) ? await getRequestDetail(db(), user, id, await scopeContextFor(user)) : null;
  if (!detail) notFound();
  const [t, td, locale, calendar, bankNames] = await Promise.all([
    getTranslations("requests"),
    getTranslations("requestDetail"),
    getLocale().then(resolveLocale),
    loadWorkingCalendar(db()),
    timelineBankNames(db(), detail.timeline),
  ]);
  const none = t("none");
  const date = (d: Date | null) => (d ? formatDate(d, locale) : none);
  const time = (d: Date | null) => (d ? formatDateTime(d, locale) : none);
  const running = awaitsAnswer(detail) && detail.dueAt !== null;
  const deadline = running && detail.dueAt ? deadlineState(detail.dueAt, new Date(), calendar) : null;
  // The documents loop's rule, said on the item: while the enterprise owes the documents, and
  // once it sent them (the bank's clock counts from that submission).
  const waitingForDocuments = awaitsDocuments(detail) && detail.answeredAt !== null;
  const lastClockStart = detail.timeline.findLast((e) => ["FORWARD", "PASS", "ASSIGN", "REOPEN", "SUPPLEMENT"].includes(e.action));
  const suppliedAt = running && lastClockStart?.action === "SUPPLEMENT" ? lastClockStart.occurredAt : null;
  const documentsRule = waitingForDocuments
    ? td("documentsRule", {
        documentsDue: formatDateTime(documentsDueAt(detail.answeredAt!, detail.supplementDeadlineDays, calendar), locale),
        days: detail.supplementDeadlineDays,
        bank: detail.assignedBankName ?? none,
        replyDays: detail.replyDeadlineDays,
      })
    : suppliedAt
      ? td("documentsSupplied", { at: formatDateTime(suppliedAt, locale), replyDays: detail.replyDeadlineDays })
      : null;
  // Files uploaded for a 需补充材料 answer but not yet sent are the enterprise's draft: its
  // panel lists them; nobody else sees them until they are sent with the documents.
  const shownAttachments = detail.attachments.filter(
    (a) => a.sent || !waitingForDocuments || a.createdAt.getTime() < detail.answeredAt!.getTime(),
  );

  const rows: [string, ReactNode][] = [
    [t("serial"), detail.serial],
    [t("type"), t(`types.${detail.type}`)],
    [t("status"), t(`statuses.${detail.status}`)],
    [t("enterprise"), detail.enterpriseName],
    [t("park"), detail.parkName],
    ...(detail.sourceVisit
      ? [[td("sourceVisit"), <SourceVisit key="source" visit={detail.sourceVisit} locale={locale} />] as [string, ReactNode]]
      : []),
    ...(detail.sourceEvent
      ? [[td("sourceEvent"), <SourceEvent key="source-event" event={detail.sourceEvent} locale={locale} />] as [string, ReactNode]]
      : []),
    [t("bank"), detail.assignedBankName ?? none],
    [td("copyBanks"), detail.copyBanks.length > 0 ? detail.copyBanks.map((b) => b.name).join("、") : none],
    [t("amount"), detail.amountFen ? t("amountValue", { amount: formatWanYuan(detail.amountFen, locale) }) : none],
    [td("purpose"), detail.purpose ?? none],
    [td("termMonths"), detail.termMonths !== null ? td("months", { months: detail.termMonths }) : none],
    [td("collateral"), detail.collateral ?? none],
    [td("neededBy"), date(detail.neededBy)],
    [td("preferredProducts"), detail.preferredProducts.length > 0 ? detail.preferredProducts.join("、") : none],
    [t("submittedAt"), time(detail.submittedAt)],
    [td("forwardedAt"), time(detail.forwardedAt)],
    [
      t("dueAt"),
      deadline && detail.dueAt ? (
        <DeadlineBadge
          tone={deadline.tone}
          workingDaysLeft={deadline.workingDaysLeft}
          dueAt={detail.dueAt}
          provisional={detail.dueProvisional}
        />
      ) : (
        time(detail.dueAt)
      ),
    ],
    [td("signedAt"), time(detail.signedAt)],
    [td("answeredAt"), time(detail.answeredAt)],
  ];
  if (detail.closedAt)
    rows.push([
      td("closedAt"),
      `${time(detail.closedAt)}${detail.closeReason ? ` · ${enumLabel(t, td, "closeReasons", detail.closeReason)}` : ""}`,
    ]);

  const panelProps = { detail, user };
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader eyebrow={`${t("detailTitle")} · ${detail.serial}`} title={detail.title} />
      {detail.ledgerBrokenAtSeq !== null && (
        <p role="alert" data-testid="ledger-broken" className="rounded-lg border border-red-300 bg-red-50 p-4 font-medium text-red-900">
          {td("ledgerBroken", { seq: detail.ledgerBrokenAtSeq })}
        </p>
      )}
      {running && detail.dueProvisional && (
        <p role="note" data-testid="provisional-warning" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
          {td("provisionalWarning")}
        </p>
      )}
      {documentsRule && (
        <p role="note" data-testid="documents-loop-rule" className="rounded-lg border border-sky-300 bg-sky-50 p-4 text-sky-900">
          {documentsRule}
        </p>
      )}
      <DetailList rows={rows} />
      <section aria-labelledby="description-title" className="space-y-2">
        <h2 id="description-title" className="text-lg font-medium">
          {td("description")}
        </h2>
        <p className="whitespace-pre-line text-slate-800">{detail.description}</p>
      </section>
      <SupervisionFacts detail={detail} locale={locale} />
      <AnswerSection detail={detail} locale={locale} />
      <OutcomeSection detail={detail} locale={locale} />
      <AttachmentList attachments={shownAttachments} locale={locale} />
      <Timeline
        // A new version (someone took a step) remounts it with the fresh entries.
        key={detail.version}
        requestId={detail.id}
        initial={detail.timeline.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() }))}
        bankNames={bankNames}
      />
      <EnterprisePanel {...panelProps} />
      <ParkPanel {...panelProps} />
      <BankPanel {...panelProps} />
      <SupervisionPanel {...panelProps} />
    </main>
  );
}
