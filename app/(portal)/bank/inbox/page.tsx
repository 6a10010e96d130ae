import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { resolveLocale } from "@/lib/i18n/locales";
import { cappedCountParams, cursorParam, parsePageCursor, type TPageCursor } from "@/lib/pagination/keyset";
import { INBOX_LISTS, listBankInbox, type TInboxList } from "@/lib/requests/queries/list-bank-inbox";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { InboxTable } from "./inbox-table";

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
  const [t, locale, inbox] = await Promise.all([
    getTranslations("requestsBank"),
    getLocale().then(resolveLocale),
    listBankInbox(db(), user, { list, cursor }),
  ]);
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
          // The rows are drawn by a client component fed with the items; the pager's links
          // are built here, on the server.
          <div className="space-y-2" data-testid={`inbox-${list}`}>
            <InboxTable caption={caption} none={t("none")} items={inbox.page.items} dateColumn={view.dateColumn} locale={locale} />
            <KeysetPager
              previous={inbox.page.previous}
              next={inbox.page.next}
              hrefFor={(c) => listHref(list, c)}
              labels={{
                nav: caption,
                summary: t("pageSummary", cappedCountParams(inbox.page.total)),
                previous: t("previous"),
                next: t("next"),
              }}
            />
          </div>
        )}
      </section>
    </main>
  );
}
