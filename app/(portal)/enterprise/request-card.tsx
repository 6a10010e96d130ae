"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ProgressTracker } from "@/components/dashboard/progress-tracker";
import { DeadlineBadge } from "@/components/requests/deadline-badge";
import type { TTrackedItem } from "@/lib/dashboard/queries/get-enterprise-dashboard";
import type { TLocale } from "@/lib/i18n/locales";
import { AnswerSummary } from "./answer-summary";
import { ItemTitle } from "./item-title";

// One of the enterprise's open items: where it is, who holds it, by when, what the bank
// said and what the enterprise must do now. A client component, although it has no state:
// the dashboard draws one card per item, and each element of a server component is paid
// for several times per view (written into the React payload, read back from it to render
// the HTML, and sent again inside the page as that payload), while a client component's
// payload is only the item's few fields and its elements are only rendered to HTML. Its
// strings come from the parts of namespaces enterprise/layout.tsx gives the browser.
export function RequestCard({ item, locale }: { item: TTrackedItem; locale: TLocale }) {
  const t = useTranslations("dashboardEnterprise.items");
  const tTodo = useTranslations("dashboardEnterprise.todo");
  const tTypes = useTranslations("requests.types");
  const tStatuses = useTranslations("requests.statuses");
  return (
    <article className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={`tracker-${item.serial}`}>
      <div className="space-y-1">
        <ItemTitle item={item} />
        <p className="text-xs text-slate-600">
          {t("serial", { serial: item.serial })} · {tTypes(item.type)}
        </p>
      </div>
      <ProgressTracker progress={item.progress} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm [&>dd]:min-w-0">
        <dt className="text-slate-600">{t("status")}</dt>
        <dd className="font-medium">{tStatuses(item.status)}</dd>
        <dt className="text-slate-600">{t("bank")}</dt>
        <dd>{item.bankName ?? t("noBank")}</dd>
        {item.deadline && item.dueAt && (
          <>
            <dt className="text-slate-600">{t("deadline")}</dt>
            <dd>
              <DeadlineBadge
                tone={item.deadline.tone}
                workingDaysLeft={item.deadline.workingDaysLeft}
                dueAt={item.dueAt}
                provisional={item.dueProvisional}
              />
            </dd>
          </>
        )}
        {item.answer && (
          <>
            <dt className="text-slate-600">{t("answer")}</dt>
            <dd className="break-words">
              <AnswerSummary answer={item.answer} locale={locale} />
            </dd>
          </>
        )}
      </dl>
      {item.todo && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-300">
          <span className="font-medium">{tTodo(item.todo)}</span>
          {item.returnReason && <span className="block break-words">{tTodo("returnReason", { reason: item.returnReason })}</span>}{" "}
          <Link href={`/requests/${item.id}`} className="font-medium text-brand-700 underline underline-offset-4">
            {tTodo("open")}
          </Link>
        </p>
      )}
    </article>
  );
}
