"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TEnterpriseDashboard } from "@/lib/dashboard/queries/get-enterprise-dashboard";
import { requestListHref } from "@/lib/dashboard/enterprise-park-counts";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

const link = "text-brand-700 underline underline-offset-4 hover:text-brand-900";
const card = "rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200";

// The dashboard's to-do list, reminders and counts are client components fed with the
// dashboard's data, like the request cards: the page's payload then carries the data, not
// the elements drawn from it (docs/decisions/035-repeated-cards-as-client-components.md).
// Their strings come from the parts of namespaces enterprise/layout.tsx gives the browser.

// Reminders: renewals, documents the banks asked for, drafts, unread notifications —
// each number a link to the list behind it.
export function Reminders({ data, locale }: { data: TEnterpriseDashboard; locale: TLocale }) {
  const t = useTranslations("dashboardEnterprise.reminders");
  const tiles = [
    { key: "renewals", count: data.maturingLoans.length, href: "#renewals" },
    { key: "documents", count: data.documentsRequested.length, href: "#todo" },
    { key: "drafts", count: data.draftTotal, href: requestListHref("DRAFT") },
    { key: "unread", count: data.unreadNotifications, href: "/notifications" },
  ] as const;
  return (
    <section aria-labelledby="reminders-title" className="space-y-3">
      <h2 id="reminders-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tiles.map((tile) => (
          <li key={tile.key}>
            <Link href={tile.href} className={`block h-full ${card} hover:ring-brand-600`} data-testid={`reminder-${tile.key}`}>
              <span className="block text-sm text-slate-700">{t(tile.key)}</span>
              <span className="mt-1 block text-2xl font-semibold tabular-nums text-brand-700 underline underline-offset-4">
                {tile.count}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <div id="renewals" className={card}>
        <h3 className="font-medium">{t("renewals")}</h3>
        {data.maturingLoans.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">{t("noRenewals", { days: data.renewalLeadDays })}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-700">{t("renewalsHint", { days: data.renewalLeadDays })}</p>
            <ul className="mt-2 space-y-1 text-sm">
              {data.maturingLoans.map((l) => {
                const text = t("loan", {
                  bank: l.bankName,
                  product: l.product,
                  amount: formatWanYuan(l.amountFen, locale),
                  date: formatDate(l.maturesOn, locale),
                });
                return (
                  <li key={l.id}>
                    {l.requestId ? (
                      <Link href={`/requests/${l.requestId}`} className={link}>
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

/** What the enterprise must do now: every open item with a to-do, and its drafts. */
export function TodoList({ data }: { data: TEnterpriseDashboard }) {
  const t = useTranslations("dashboardEnterprise.todo");
  const tDrafts = useTranslations("dashboardEnterprise.reminders");
  const items = data.open.filter((i) => i.todo);
  return (
    <section id="todo" aria-labelledby="todo-title" className="space-y-3">
      <h2 id="todo-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      {items.length === 0 && data.drafts.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((i) => (
            <li key={i.id} className={`${card} text-sm`}>
              <span className="font-medium">{t(i.todo!)}</span>
              {i.todo === "provideDocuments" && i.answer?.line && <span className="block break-words text-slate-700">{i.answer.line}</span>}
              <Link href={`/requests/${i.id}`} className={`block break-words ${link}`}>
                {i.serial} · {i.title}
              </Link>
            </li>
          ))}
          {data.drafts.map((d) => (
            <li key={d.id} className={`${card} text-sm`}>
              <span className="font-medium">{t("submitDraft")}</span>
              <Link href={`/requests/${d.id}`} className={`block break-words ${link}`}>
                {d.serial} · {d.title}
              </Link>
            </li>
          ))}
          {data.draftTotal > data.drafts.length && (
            <li className="text-sm">
              <Link href={requestListHref("DRAFT")} className={link}>
                {tDrafts("moreDrafts", { count: data.draftTotal })}
              </Link>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

/** Counts by state, each linking to the request list filtered to that state. */
export function StatusCounts({ data }: { data: TEnterpriseDashboard }) {
  const t = useTranslations("dashboardEnterprise.counts");
  const tStatuses = useTranslations("requests.statuses");
  return (
    <section aria-labelledby="counts-title" className="space-y-3">
      <h2 id="counts-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      <ul className="flex flex-wrap gap-2 text-sm">
        <li>
          <Link href="/requests" className={`inline-block rounded-full bg-white px-3 py-1 ring-1 ring-slate-300 ${link}`}>
            {t("total", { count: data.total })}
          </Link>
        </li>
        {data.counts.map((c) => (
          <li key={c.status}>
            <Link
              href={requestListHref(c.status)}
              className={`inline-block rounded-full bg-white px-3 py-1 ring-1 ring-slate-300 ${link}`}
              data-testid={`count-${c.status}`}
            >
              {t("item", { status: tStatuses(c.status), count: c.count })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
