"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { TInboxItem } from "@/lib/requests/queries/list-bank-inbox";

type TDateColumn = "forwardedAt" | "answeredAt" | "reachedBankAt";

// One page of an inbox list. A client component, although it has no state: each row is
// about fifteen elements, which as a server component would go into the page's payload, be
// read back from it to render the HTML, and travel again inside the HTML; from here the
// payload is only the items' fields (docs/decisions/035-repeated-cards-as-client-components.md).
// Its strings come from the parts of namespaces bank/inbox/layout.tsx gives the browser;
// `caption` and `none` come translated from the page.
export function InboxTable({
  caption,
  none,
  items,
  dateColumn,
  locale,
}: {
  caption: string;
  none: string;
  items: TInboxItem[];
  dateColumn: TDateColumn;
  locale: TLocale;
}) {
  const t = useTranslations("requestsBank.inbox");
  const tTypes = useTranslations("requests.types");
  const tStatuses = useTranslations("requests.statuses");
  const answered = t("answered");
  return (
    <DataTable
      caption={caption}
      rows={items}
      rowKey={(r) => r.id}
      rowTestId={(r) => `inbox-row-${r.serial}`}
      columns={[
        {
          key: "serial",
          header: t("columns.serial"),
          rowHeader: true,
          className: "whitespace-nowrap",
          cell: (r) => (
            <>
              <Link href={`/requests/${r.id}`} className="text-brand-700 underline">
                {r.serial}
              </Link>
              <span className="block font-normal text-slate-600">{r.title}</span>
            </>
          ),
        },
        { key: "enterprise", header: t("columns.enterprise"), cell: (r) => r.enterpriseName },
        { key: "park", header: t("columns.park"), onCard: false, cell: (r) => r.parkName },
        { key: "type", header: t("columns.type"), onCard: false, cell: (r) => tTypes(r.type) },
        {
          key: "amount",
          header: t("columns.amount"),
          className: "tabular-nums whitespace-nowrap",
          cell: (r) => (r.amountFen ? formatWanYuan(r.amountFen, locale) : none),
        },
        {
          key: dateColumn,
          header: t(`columns.${dateColumn}`),
          className: "whitespace-nowrap",
          onCard: false,
          cell: (r) => {
            const date = dateOf(r, dateColumn);
            return date ? formatDate(date, locale) : none;
          },
        },
        {
          key: dateColumn === "answeredAt" ? "documentsDue" : "deadline",
          header: t(dateColumn === "answeredAt" ? "columns.documentsDue" : "columns.deadline"),
          cell: (r) => <Deadline item={r} none={none} answered={answered} />,
        },
        { key: "status", header: t("columns.status"), cell: (r) => tStatuses(r.status) },
      ]}
    />
  );
}

const dateOf = (item: TInboxItem, column: TDateColumn): Date | null =>
  column === "reachedBankAt" ? (item.reachedBankAt ?? null) : column === "answeredAt" ? item.answeredAt : item.forwardedAt;

// The bank's reply deadline while it owes an answer; the enterprise's documents limit while
// the item waits for them.
function Deadline({ item, none, answered }: { item: TInboxItem; none: string; answered: string }) {
  if (item.documents && item.documentsDueAt) {
    return (
      <DeadlineBadge
        tone={item.documents.tone}
        workingDaysLeft={item.documents.workingDaysLeft}
        dueAt={item.documentsDueAt}
        provisional={false}
      />
    );
  }
  if (item.deadline && item.dueAt) {
    return (
      <DeadlineBadge
        tone={item.deadline.tone}
        workingDaysLeft={item.deadline.workingDaysLeft}
        dueAt={item.dueAt}
        provisional={item.dueProvisional}
      />
    );
  }
  return <span className="text-slate-600">{item.answeredAt ? answered : none}</span>;
}
