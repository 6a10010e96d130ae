import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { LinkTabs } from "@/components/ui/link-tabs";
import { Table } from "@/components/ui/table";
import { canActor } from "@/lib/auth/permissions";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { cursorParam, parsePageCursor } from "@/lib/pagination/keyset";
import {
  SUPERVISION_TABS, isSupervisionTab, listSupervisionQueue, maySeeSupervisionQueue, type TSupervisionItem, type TSupervisionTab,
} from "@/lib/requests/queries/list-supervision-queue";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../portal-frame";

export const dynamic = "force-dynamic";

const td = "px-3 py-2 align-top";
type TSearch = Promise<Record<string, string | string[] | undefined>>;
type TT = Awaited<ReturnType<typeof getTranslations>>;

const COLUMNS: Record<TSupervisionTab, string[]> = {
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
    getTranslations("supervision"), getTranslations("requests"), getLocale().then(resolveLocale), listSupervisionQueue(db(), user, { tab, cursor }),
  ]);
  const readOnly = !canActor(user, "requests.supervise");
  const caption = t(`tabs.${tab}`);
  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-slate-700">{t(readOnly ? "introReadOnly" : "intro")}</p>
        </div>
        <LinkTabs
          label={t("tabsLabel")}
          current={tab}
          tabs={SUPERVISION_TABS.map((k) => ({ key: k, href: `/supervision?tab=${k}`, label: <>{t(`tabs.${k}`)} <span className="tabular-nums">({queue.counts[k]})</span></> }))}
        />
        {tab === "bulletin" && <p className="text-sm text-slate-600">{t("bulletinQuarter", { year: queue.quarter.year, quarter: queue.quarter.quarter })}</p>}
        {queue.items.length === 0 ? (
          <EmptyState title={t(`empty.${tab}.title`)} body={t(`empty.${tab}.body`)} />
        ) : (
          <div className="space-y-2" data-testid={`queue-${tab}`}>
            <Table caption={caption} head={COLUMNS[tab].map((c) => t(`columns.${c}`))}>
              {queue.items.map((item) => (
                <tr key={item.id} data-testid={`queue-row-${item.serial}`}>
                  {COLUMNS[tab].map((c) => (
                    <Cell key={c} column={c} item={item} t={t} tr={tr} locale={locale} />
                  ))}
                </tr>
              ))}
            </Table>
            <KeysetPager
              previous={queue.previous}
              next={queue.next}
              hrefFor={(c) => `/supervision?${new URLSearchParams([["tab", tab], [cursorParam(c.direction), c.token]])}`}
              labels={{ nav: caption, summary: t("pageSummary", { total: queue.total }), previous: t("previous"), next: t("next") }}
            />
          </div>
        )}
      </main>
    </PortalFrame>
  );
}

function Cell({ column, item, t, tr, locale }: { column: string; item: TSupervisionItem; t: TT; tr: TT; locale: ReturnType<typeof resolveLocale> }) {
  const none = t("none");
  const date = (d: Date | null) => (d ? formatDate(d, locale) : none);
  switch (column) {
    case "serial":
      return (
        <th scope="row" className={`${td} font-medium whitespace-nowrap`}>
          <Link href={`/requests/${item.id}`} className="text-brand-700 underline">{item.serial}</Link>
          <span className="block font-normal text-slate-600">{item.title}</span>
        </th>
      );
    case "enterprise":
      return <td className={td}>{item.enterpriseName}</td>;
    case "park":
      return <td className={td}>{item.parkName}</td>;
    case "bank":
      return <td className={td}>{item.bankName ?? none}</td>;
    case "reason":
      return <td className={td}>{item.escalationReason ? t(`reasons.${item.escalationReason}`) : t("reasons.OVERDUE")}</td>;
    case "deadline":
      return (
        <td className={td}>
          {item.deadline && item.dueAt ? (
            <DeadlineBadge tone={item.deadline.tone} workingDaysLeft={item.deadline.workingDaysLeft} dueAt={item.dueAt} provisional={item.dueProvisional} />
          ) : (
            date(item.dueAt)
          )}
        </td>
      );
    case "daysOverdue":
      return <td className={`${td} tabular-nums`}>{item.daysOverdue !== null ? t("daysValue", { days: item.daysOverdue }) : none}</td>;
    case "remindedAt":
      return <td className={`${td} whitespace-nowrap`}>{item.remindedAt ? formatDateTime(item.remindedAt, locale) : t("notReminded")}</td>;
    case "inBulletin":
      return <td className={td}>{item.inBulletin ? t("yes") : t("no")}</td>;
    case "status":
      return <td className={td}>{tr(`statuses.${item.status}`)}</td>;
    case "returnReason":
      return <td className={`${td} max-w-xs whitespace-pre-line`}>{item.returnReason ?? none}</td>;
    case "disputeNote":
      return <td className={`${td} max-w-xs whitespace-pre-line`}>{item.returnDisputeNote ?? none}</td>;
    case "disputedAt":
      return <td className={`${td} whitespace-nowrap`}>{date(item.returnDisputedAt)}</td>;
    case "answerKind":
      return <td className={td}>{item.answerKind ? t(`answerKinds.${item.answerKind}`) : none}</td>;
    case "withdrawnAt":
    case "bulletinAt":
      return <td className={`${td} whitespace-nowrap`}>{date(item.eventAt)}</td>;
    default:
      return <td className={td}>{none}</td>;
  }
}
