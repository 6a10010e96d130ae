import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { Table } from "@/components/ui/table";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { cappedCountParams, cursorParam, parsePageCursor, type TPageCursor } from "@/lib/pagination/keyset";
import { listBankInbox, type TInboxItem, type TInboxPage } from "@/lib/requests/queries/list-bank-inbox";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../../portal-frame";

export const dynamic = "force-dynamic";

const td = "px-3 py-2 align-top";

type TSearch = Promise<Record<string, string | string[] | undefined>>;

const COPIES = "copies";

export default async function BankInboxPage({ searchParams }: { searchParams: TSearch }) {
  const user = await requirePermission("dashboard.bank");
  const search = await searchParams;
  // Two lists on one page, each with its own cursor; a link moves one and keeps the other.
  const cursor = parsePageCursor(search);
  const copiesCursor = parsePageCursor(search, COPIES);
  const [t, inbox] = await Promise.all([getTranslations("requestsBank"), listBankInbox(db(), user, { cursor, copiesCursor })]);
  const href = (assigned: TPageCursor | null, copies: TPageCursor | null) => {
    const query = new URLSearchParams();
    if (assigned) query.set(cursorParam(assigned.direction), assigned.token);
    if (copies) query.set(cursorParam(copies.direction, COPIES), copies.token);
    return `/bank/inbox?${query}`;
  };
  return (
    <PortalFrame user={user} area="bank">
      <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-8">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("inbox.title")}</h1>
          <p className="text-slate-700">{t("inbox.intro")}</p>
        </div>
        <section aria-labelledby="inbox-heading" className="space-y-3">
          <h2 id="inbox-heading" className="text-xl font-semibold">{t("inbox.assignedTitle", cappedCountParams(inbox.assigned.total))}</h2>
          {inbox.assigned.items.length === 0 ? (
            <EmptyState title={t("inbox.emptyTitle")} body={t("inbox.emptyBody")} />
          ) : (
            <InboxTable caption={t("inbox.assignedTitle", cappedCountParams(inbox.assigned.total))} list={inbox.assigned} hrefFor={(c) => href(c, copiesCursor)} testId="inbox-assigned" dateColumn="forwardedAt" />
          )}
        </section>
        <section aria-labelledby="copies-heading" className="space-y-3">
          <h2 id="copies-heading" className="text-xl font-semibold">{t("inbox.copiesTitle", cappedCountParams(inbox.copies.total))}</h2>
          <p className="text-sm text-slate-600">{t("inbox.copiesIntro")}</p>
          {inbox.copies.items.length === 0 ? (
            <EmptyState title={t("inbox.copiesEmptyTitle")} body={t("inbox.copiesEmptyBody")} />
          ) : (
            <InboxTable caption={t("inbox.copiesTitle", cappedCountParams(inbox.copies.total))} list={inbox.copies} hrefFor={(c) => href(cursor, c)} testId="inbox-copies" dateColumn="reachedBankAt" />
          )}
        </section>
      </main>
    </PortalFrame>
  );
}

// The assigned list shows when the item was forwarded; the copies, when it reached this bank (their order).
type TDateColumn = "forwardedAt" | "reachedBankAt";

async function InboxTable({ caption, list, hrefFor, testId, dateColumn }: { caption: string; list: TInboxPage; hrefFor: (c: TPageCursor) => string; testId: string; dateColumn: TDateColumn }) {
  const [t, tr, locale] = await Promise.all([getTranslations("requestsBank"), getTranslations("requests"), getLocale().then(resolveLocale)]);
  const head = ["serial", "enterprise", "park", "type", "amount", dateColumn, "deadline", "status"].map((k) => t(`inbox.columns.${k}`));
  return (
    <div className="space-y-2" data-testid={testId}>
      <Table caption={caption} head={head}>
        {list.items.map((r) => (
          <tr key={r.id} data-testid={`inbox-row-${r.serial}`}>
            <th scope="row" className={`${td} font-medium whitespace-nowrap`}>
              <Link href={`/requests/${r.id}`} className="text-brand-700 underline">{r.serial}</Link>
              <span className="block font-normal text-slate-600">{r.title}</span>
            </th>
            <td className={td}>{r.enterpriseName}</td>
            <td className={td}>{r.parkName}</td>
            <td className={td}>{tr(`types.${r.type}`)}</td>
            <td className={`${td} tabular-nums whitespace-nowrap`}>{r.amountFen ? formatWanYuan(r.amountFen, locale) : t("none")}</td>
            <td className={`${td} whitespace-nowrap`}>{dateOf(r, dateColumn) ? formatDate(dateOf(r, dateColumn)!, locale) : t("none")}</td>
            <td className={td}><Deadline item={r} none={t("none")} answered={t("inbox.answered")} /></td>
            <td className={td}>{tr(`statuses.${r.status}`)}</td>
          </tr>
        ))}
      </Table>
      <KeysetPager
        previous={list.previous}
        next={list.next}
        hrefFor={hrefFor}
        labels={{ nav: caption, summary: t("pageSummary", cappedCountParams(list.total)), previous: t("previous"), next: t("next") }}
      />
    </div>
  );
}

const dateOf = (item: TInboxItem, column: TDateColumn): Date | null => (column === "reachedBankAt" ? (item.reachedBankAt ?? null) : item.forwardedAt);

function Deadline({ item, none, answered }: { item: TInboxItem; none: string; answered: string }) {
  if (item.deadline && item.dueAt) {
    return <DeadlineBadge tone={item.deadline.tone} workingDaysLeft={item.deadline.workingDaysLeft} dueAt={item.dueAt} provisional={item.dueProvisional} />;
  }
  return <span className="text-slate-600">{item.answeredAt ? answered : none}</span>;
}
