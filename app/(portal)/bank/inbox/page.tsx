import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { cappedCountParams, cursorParam, parsePageCursor, type TPageCursor } from "@/lib/pagination/keyset";
import { INBOX_LISTS, listBankInbox, type TInboxItem, type TInboxList, type TInboxPage } from "@/lib/requests/queries/list-bank-inbox";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";

type TSearch = Promise<Record<string, string | string[] | undefined>>;

// The view of each list: its heading, empty state, and which date its rows show (the
// assigned items when they were forwarded; the items waiting for the enterprise when the
// bank asked for documents; the copies when they reached this bank, their order).
const VIEW = {
  assigned: { title: "inbox.assignedTitle", emptyTitle: "inbox.emptyTitle", emptyBody: "inbox.emptyBody", dateColumn: "forwardedAt" },
  awaitingEnterprise: {
    title: "inbox.awaitingTitle",
    emptyTitle: "inbox.awaitingEmptyTitle",
    emptyBody: "inbox.awaitingEmptyBody",
    dateColumn: "answeredAt",
  },
  copies: {
    title: "inbox.copiesTitle",
    emptyTitle: "inbox.copiesEmptyTitle",
    emptyBody: "inbox.copiesEmptyBody",
    dateColumn: "reachedBankAt",
  },
} as const;

const isInboxList = (v: unknown): v is TInboxList => typeof v === "string" && (INBOX_LISTS as readonly string[]).includes(v);

export default async function BankInboxPage({ searchParams }: { searchParams: TSearch }) {
  const user = await requirePermission("dashboard.bank");
  const search = await searchParams;
  // One list at a time (a tab each), with its own cursor; both totals label the tabs.
  const list = isInboxList(search.list) ? search.list : "assigned";
  const cursor = parsePageCursor(search);
  const [t, inbox] = await Promise.all([getTranslations("requestsBank"), listBankInbox(db(), user, { list, cursor })]);
  const listHref = (l: TInboxList, c: TPageCursor | null = null) => {
    const query = new URLSearchParams();
    if (l !== "assigned") query.set("list", l);
    if (c) query.set(cursorParam(c.direction), c.token);
    const q = query.toString();
    return q ? `/bank/inbox?${q}` : "/bank/inbox";
  };
  const view = VIEW[list];
  const caption = t(view.title, cappedCountParams(inbox.page.total));
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("inbox.title")} intro={t("inbox.intro")} />
      <LinkTabs
        label={t("inbox.tabsLabel")}
        current={list}
        tabs={INBOX_LISTS.map((l) => ({ key: l, href: listHref(l), label: t(VIEW[l].title, cappedCountParams(inbox.totals[l])) }))}
      />
      <section aria-label={caption} className="space-y-3">
        {list === "copies" && <p className="text-sm text-slate-600">{t("inbox.copiesIntro")}</p>}
        {list === "awaitingEnterprise" && <p className="text-sm text-slate-600">{t("inbox.awaitingIntro")}</p>}
        {inbox.page.items.length === 0 ? (
          <EmptyState title={t(view.emptyTitle)} body={t(view.emptyBody)} />
        ) : (
          <InboxTable
            caption={caption}
            list={inbox.page}
            hrefFor={(c) => listHref(list, c)}
            testId={`inbox-${list}`}
            dateColumn={view.dateColumn}
          />
        )}
      </section>
    </main>
  );
}

type TDateColumn = "forwardedAt" | "answeredAt" | "reachedBankAt";

async function InboxTable({
  caption,
  list,
  hrefFor,
  testId,
  dateColumn,
}: {
  caption: string;
  list: TInboxPage;
  hrefFor: (c: TPageCursor) => string;
  testId: string;
  dateColumn: TDateColumn;
}) {
  const [t, tr, locale] = await Promise.all([
    getTranslations("requestsBank"),
    getTranslations("requests"),
    getLocale().then(resolveLocale),
  ]);
  const none = t("none");
  return (
    <div className="space-y-2" data-testid={testId}>
      <DataTable
        caption={caption}
        rows={list.items}
        rowKey={(r) => r.id}
        rowTestId={(r) => `inbox-row-${r.serial}`}
        columns={[
          {
            key: "serial",
            header: t("inbox.columns.serial"),
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
          { key: "enterprise", header: t("inbox.columns.enterprise"), cell: (r) => r.enterpriseName },
          { key: "park", header: t("inbox.columns.park"), onCard: false, cell: (r) => r.parkName },
          { key: "type", header: t("inbox.columns.type"), onCard: false, cell: (r) => tr(`types.${r.type}`) },
          {
            key: "amount",
            header: t("inbox.columns.amount"),
            className: "tabular-nums whitespace-nowrap",
            cell: (r) => (r.amountFen ? formatWanYuan(r.amountFen, locale) : none),
          },
          {
            key: dateColumn,
            header: t(`inbox.columns.${dateColumn}`),
            className: "whitespace-nowrap",
            onCard: false,
            cell: (r) => {
              const date = dateOf(r, dateColumn);
              return date ? formatDate(date, locale) : none;
            },
          },
          dateColumn === "answeredAt"
            ? {
                key: "documentsDue",
                header: t("inbox.columns.documentsDue"),
                cell: (r) => <Deadline item={r} none={none} answered={t("inbox.answered")} />,
              }
            : {
                key: "deadline",
                header: t("inbox.columns.deadline"),
                cell: (r) => <Deadline item={r} none={none} answered={t("inbox.answered")} />,
              },
          { key: "status", header: t("inbox.columns.status"), cell: (r) => tr(`statuses.${r.status}`) },
        ]}
      />
      <KeysetPager
        previous={list.previous}
        next={list.next}
        hrefFor={hrefFor}
        labels={{ nav: caption, summary: t("pageSummary", cappedCountParams(list.total)), previous: t("previous"), next: t("next") }}
      />
    </div>
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
