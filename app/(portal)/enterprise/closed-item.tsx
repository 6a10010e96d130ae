"use client";

import { useTranslations } from "next-intl";
import type { TTrackedItem } from "@/lib/dashboard/queries/get-enterprise-dashboard";
import type { TLocale } from "@/lib/i18n/locales";
import { AnswerSummary } from "./answer-summary";
import { ItemTitle } from "./item-title";

// A recently closed (or withdrawn) item, on two or three lines: its progress has ended, so
// there is no tracker, deadline or task to show, only what it was and what the bank said.
// A client component fed with the item, like the open cards (decision 035).
export function ClosedItem({ item, locale }: { item: TTrackedItem; locale: TLocale }) {
  const t = useTranslations("dashboardEnterprise.items");
  const tTypes = useTranslations("requests.types");
  const tStatuses = useTranslations("requests.statuses");
  return (
    <li className="space-y-1 px-4 py-3 text-sm" data-testid={`closed-${item.serial}`}>
      <ItemTitle item={item} />
      <p className="text-xs text-slate-600">
        {t("serial", { serial: item.serial })} · {tTypes(item.type)} · {tStatuses(item.status)}
        {item.bankName && <> · {item.bankName}</>}
      </p>
      {item.answer && (
        <p className="break-words">
          <span className="text-slate-600">{t("answer")}</span> <AnswerSummary answer={item.answer} locale={locale} />
        </p>
      )}
    </li>
  );
}
