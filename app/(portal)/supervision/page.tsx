import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { canActor } from "@/lib/auth/permissions";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { cursorParam, parsePageCursor } from "@/lib/pagination/keyset";
import {
  SUPERVISION_TABS,
  isSupervisionTab,
  listSupervisionQueue,
  maySeeSupervisionQueue,
  type TSupervisionItem,
  type TSupervisionTab,
} from "@/lib/requests/queries/list-supervision-queue";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";

type TSearch = Promise<Record<string, string | string[] | undefined>>;
type TT = Awaited<ReturnType<typeof getTranslations>>;

type TColumnKey =
  | "serial"
  | "enterprise"
  | "park"
  | "bank"
  | "reason"
  | "deadline"
  | "daysOverdue"
  | "remindedAt"
  | "inBulletin"
  | "status"
  | "returnReason"
  | "disputeNote"
  | "disputedAt"
  | "answerKind"
  | "withdrawnAt"
  | "bulletinAt";

const COLUMNS: Record<TSupervisionTab, TColumnKey[]> = {
  supervision: ["serial", "enterprise", "park", "bank", "reason", "deadline", "daysOverdue", "remindedAt", "inBulletin", "status"],
  disputes: ["serial", "enterprise", "park", "returnReason", "disputeNote", "disputedAt"],
  withdrawals: ["serial", "enterprise", "park", "bank", "answerKind", "withdrawnAt"],
  bulletin: ["serial", "enterprise", "park", "bank", "reason", "deadline", "remindedAt", "bulletinAt"],
};

/** 督办: the finance office acts from each item's page; the central bank watches the same lists. */
export default async function SupervisionPage({ searchParams }: { searchParams: TSearch }) {
  const user = await requirePermission("supervision.read");
  if (!maySeeSupervisionQueue(user)) notFound(); // an incoherent actor (role vs org kind)
  const search = await searchParams;
  const tab = isSupervisionTab(search.tab) ? search.tab : "supervision";
  const cursor = parsePageCursor(search);
  const [t, tr, locale, queue] = await Promise.all([
    getTranslations("supervision"),
    getTranslations("requests"),
    getLocale().then(resolveLocale),
    listSupervisionQueue(db(), user, { tab, cursor }),
  ]);
  const readOnly = !canActor(user, "requests.supervise");
  const caption = t(`tabs.${tab}`);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={t(readOnly ? "introReadOnly" : "intro")} />
      <LinkTabs
        label={t("tabsLabel")}
        current={tab}
        tabs={SUPERVISION_TABS.map((k) => ({
          key: k,
          href: `/supervision?tab=${k}`,
          label: (
            <>
              {t(`tabs.${k}`)} <span className="tabular-nums">({queue.counts[k]})</span>
            </>
          ),
        }))}
      />
      <p className="text-sm text-slate-600" data-testid="tab-definition">
        {t(`definitions.${tab}`)}
      </p>
      {tab === "bulletin" && (
        <p className="text-sm text-slate-600">{t("bulletinQuarter", { year: queue.quarter.year, quarter: queue.quarter.quarter })}</p>
      )}
      {queue.items.length === 0 ? (
        <EmptyState title={t(`empty.${tab}.title`)} body={t(`empty.${tab}.body`)} />
      ) : (
        <div className="space-y-2" data-testid={`queue-${tab}`}>
          <DataTable
            caption={caption}
            rows={queue.items}
            rowKey={(item) => item.id}
            rowTestId={(item) => `queue-row-${item.serial}`}
            columns={columnsFor(tab, t, tr, locale)}
          />
          <KeysetPager
            previous={queue.previous}
            next={queue.next}
            hrefFor={(c) =>
              `/supervision?${new URLSearchParams([
                ["tab", tab],
                [cursorParam(c.direction), c.token],
              ])}`
            }
            labels={{ nav: caption, summary: t("pageSummary", { total: queue.total }), previous: t("previous"), next: t("next") }}
          />
        </div>
      )}
    </main>
  );
}

type TLocale = ReturnType<typeof resolveLocale>;

// Every column any tab shows, declared once; COLUMNS picks each tab's.
function columnsFor(tab: TSupervisionTab, t: TT, tr: TT, locale: TLocale): TColumn<TSupervisionItem>[] {
  const none = t("none");
  const date = (d: Date | null) => (d ? formatDate(d, locale) : none);
  const cells: Record<TColumnKey, Omit<TColumn<TSupervisionItem>, "key" | "header">> = {
    serial: {
      rowHeader: true,
      className: "whitespace-nowrap",
      cell: (item) => (
        <>
          <Link href={`/requests/${item.id}`} className="text-brand-700 underline">
            {item.serial}
          </Link>
          <span className="block font-normal text-slate-600">{item.title}</span>
        </>
      ),
    },
    enterprise: { cell: (item) => item.enterpriseName },
    park: { onCard: false, cell: (item) => item.parkName },
    bank: { cell: (item) => item.bankName ?? none },
    reason: { cell: (item) => (item.escalationReason ? t(`reasons.${item.escalationReason}`) : t("reasons.OVERDUE")) },
    deadline: {
      cell: (item) =>
        item.deadline && item.dueAt ? (
          <DeadlineBadge
            tone={item.deadline.tone}
            workingDaysLeft={item.deadline.workingDaysLeft}
            dueAt={item.dueAt}
            provisional={item.dueProvisional}
          />
        ) : (
          date(item.dueAt)
        ),
    },
    daysOverdue: {
      className: "tabular-nums",
      cell: (item) => (item.daysOverdue !== null ? t("daysValue", { days: item.daysOverdue }) : none),
    },
    remindedAt: {
      className: "whitespace-nowrap",
      onCard: false,
      cell: (item) => (item.remindedAt ? formatDateTime(item.remindedAt, locale) : t("notReminded")),
    },
    inBulletin: { onCard: false, cell: (item) => (item.inBulletin ? t("yes") : t("no")) },
    status: { cell: (item) => tr(`statuses.${item.status}`) },
    returnReason: { className: "max-w-xs whitespace-pre-line", cell: (item) => item.returnReason ?? none },
    disputeNote: { className: "max-w-xs whitespace-pre-line", cell: (item) => item.returnDisputeNote ?? none },
    disputedAt: { className: "whitespace-nowrap", cell: (item) => date(item.returnDisputedAt) },
    answerKind: { cell: (item) => (item.answerKind ? t(`answerKinds.${item.answerKind}`) : none) },
    withdrawnAt: { className: "whitespace-nowrap", cell: (item) => date(item.eventAt) },
    bulletinAt: { className: "whitespace-nowrap", cell: (item) => date(item.eventAt) },
  };
  return COLUMNS[tab].map((key) => ({ key, header: t(`columns.${key}`), ...cells[key] }));
}
