import { useLocale, useTranslations } from "next-intl";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { deadlineLabel } from "@/lib/requests/deadline-label";
import type { TDeadlineTone } from "@/lib/requests/deadline-state";

const BADGE_TONE: Record<TDeadlineTone, TBadgeTone> = { normal: "muted", yellow: "warn", red: "danger" };

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
      <Badge tone={BADGE_TONE[tone]}>{"days" in label ? t(label.key, { days: label.days }) : t(label.key)}</Badge>
      {provisional && (
        <span className="text-xs text-amber-800" title={t("provisionalHint")}>
          {t("provisional")}
        </span>
      )}
    </span>
  );
}
