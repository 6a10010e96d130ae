import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { DetailList } from "@/components/ui/detail-list";
import { formatDate, formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { answerView, type TAnswerRow } from "@/lib/requests/answer-view";
import type { TRequestDetail } from "@/lib/requests/queries/get-request-detail";
import { enumLabel } from "./labels";

// The detail page's read-only sections; each renders nothing when it has nothing to say.

type TProps = { detail: TRequestDetail; locale: TLocale };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2" data-testid={id}>
      <h2 id={id} className="text-lg font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Escalation, reminder, bulletin, and the return with its dispute. */
export async function SupervisionFacts({ detail, locale }: TProps) {
  const [t, td] = await Promise.all([getTranslations("requests"), getTranslations("requestDetail")]);
  const rows: [string, ReactNode][] = [];
  if (detail.escalationReason) {
    const at = detail.escalatedAt ? ` · ${formatDateTime(detail.escalatedAt, locale)}` : "";
    rows.push([td("escalationReason"), `${enumLabel(t, td, "escalationReasons", detail.escalationReason)}${at}`]);
  }
  if (detail.remindedAt) rows.push([td("remindedAt"), formatDateTime(detail.remindedAt, locale)]);
  if (detail.inBulletin) rows.push([td("inBulletin"), td("inBulletinYes")]);
  if (detail.returnReason)
    rows.push([
      td("returnReason"),
      <span key="r" className="whitespace-pre-line">
        {detail.returnReason}
      </span>,
    ]);
  if (detail.returnDisputedAt) {
    rows.push([td("returnDisputedAt"), formatDateTime(detail.returnDisputedAt, locale)]);
    if (detail.returnDisputeNote)
      rows.push([
        td("returnDisputeNote"),
        <span key="n" className="whitespace-pre-line">
          {detail.returnDisputeNote}
        </span>,
      ]);
  }
  if (rows.length === 0) return null;
  return (
    <Section id="supervision-facts" title={td("supervisionTitle")}>
      <DetailList rows={rows} />
    </Section>
  );
}

/** The latest answer, with the fields of its kind. */
export async function AnswerSection({ detail, locale }: TProps) {
  const view = answerView(detail.answer, detail.answerKind);
  if (!view) return null;
  const [t, td] = await Promise.all([getTranslations("requests"), getTranslations("requestDetail")]);
  const value = (row: TAnswerRow): ReactNode => {
    switch (row.kind) {
      case "amountFen":
        return t("amountValue", { amount: formatWanYuan(String(row.value), locale) });
      case "rate":
        return td("rateValue", { rate: String(row.value) });
      case "months":
        return td("months", { months: Number(row.value) });
      case "bool":
        return row.value ? td("yes") : td("no");
      case "day":
        return formatDate(new Date(`${row.value}T12:00:00+08:00`), locale);
      default:
        return <span className="whitespace-pre-line">{String(row.value)}</span>;
    }
  };
  const rows: [string, ReactNode][] = [
    [td("answerKind"), enumLabel(t, td, "answerKinds", view.kind)],
    ...view.rows.map((r): [string, ReactNode] => [td(`answer.${r.key}`), value(r)]),
  ];
  if (detail.answeredAt) rows.push([td("answeredAt"), formatDateTime(detail.answeredAt, locale)]);
  return (
    <Section id="answer" title={td("answerTitle")}>
      <DetailList rows={rows} />
    </Section>
  );
}

/** The enterprise's rating, and a withdrawal after an answer with its check. */
export async function OutcomeSection({ detail, locale }: TProps) {
  const [t, td] = await Promise.all([getTranslations("requests"), getTranslations("requestDetail")]);
  const rows: [string, ReactNode][] = [];
  if (detail.rating) rows.push([td("rating"), enumLabel(t, td, "ratings", detail.rating)]);
  if (detail.ratingComment)
    rows.push([
      td("ratingComment"),
      <span key="c" className="whitespace-pre-line">
        {detail.ratingComment}
      </span>,
    ]);
  if (detail.withdrawnAfterAnswer) {
    rows.push([
      td("withdrawnAfterAnswer"),
      detail.withdrawalCheckedAt
        ? td("withdrawalChecked", { at: formatDateTime(detail.withdrawalCheckedAt, locale) })
        : td("withdrawalUnchecked"),
    ]);
  }
  if (rows.length === 0) return null;
  return (
    <Section id="outcome" title={td("outcomeTitle")}>
      <DetailList rows={rows} />
    </Section>
  );
}

/** Files attached to the item, downloaded through the scoped /api/attachments/<id> route. */
export async function AttachmentList({ attachments, locale }: { attachments: TRequestDetail["attachments"]; locale: TLocale }) {
  const td = await getTranslations("requestDetail");
  return (
    <Section id="attachments" title={td("attachmentsTitle")}>
      {attachments.length === 0 ? (
        <p className="text-slate-600">{td("attachmentsEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <a href={`/api/attachments/${a.id}`} className="text-brand-700 underline" download>
                {a.fileName}
              </a>
              <span className="text-sm text-slate-600">
                {td("attachmentMeta", { size: Math.max(1, Math.round(a.sizeBytes / 1024)), at: formatDate(a.createdAt, locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
