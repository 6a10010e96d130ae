import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { deadlineLabel } from "@/lib/requests/deadline-label";
import type { TDeadlineTone } from "@/lib/requests/deadline-state";

const TONE_CLASS: Record<TDeadlineTone, string> = {
  normal: "bg-slate-100 text-slate-800 ring-slate-300",
  yellow: "bg-amber-100 text-amber-900 ring-amber-400",
  red: "bg-red-100 text-red-900 ring-red-400",
};

type Props = { tone: TDeadlineTone; workingDaysLeft: number; dueAt: Date; provisional?: boolean };

/**
 * The reply deadline: the due date and a coloured badge that also says it in words
 * ("剩余 2 个工作日" / "今天到期" / "已逾期 1 个工作日"), so colour is never the only signal.
 * A deadline counted through a year with no published holiday schedule is marked 暂定.
 */
export function DeadlineBadge({ tone, workingDaysLeft, dueAt, provisional = false }: Props) {
  const t = useTranslations("requestDetail.deadline");
  const locale = resolveLocale(useLocale());
  const label = deadlineLabel({ tone, workingDaysLeft });
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-testid="deadline-badge" data-tone={tone}>
      <time dateTime={dueAt.toISOString()}>{formatDate(dueAt, locale)}</time>
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${TONE_CLASS[tone]}`}>
        {"days" in label ? t(label.key, { days: label.days }) : t(label.key)}
      </span>
      {provisional && (
        <span className="text-xs text-amber-800" title={t("provisionalHint")}>
          {t("provisional")}
        </span>
      )}
    </span>
  );
}
