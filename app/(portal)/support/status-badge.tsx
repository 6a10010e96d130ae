import { getTranslations } from "next-intl/server";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import type { SupportReportStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<SupportReportStatus, TBadgeTone> = { OVERDUE: "danger", FILED: "info", RETURNED: "warn", ACCEPTED: "ok" };

/** A report's state, and 逾期 beside it when it was flagged late. */
export async function ReportStatusBadge({ status, late }: { status: SupportReportStatus; late: boolean }) {
  const t = await getTranslations("support");
  return (
    <span className="inline-flex gap-1">
      <Badge tone={TONE[status]} testId="report-status">
        {t(`statuses.${status}`)}
      </Badge>
      {late && status !== "OVERDUE" && (
        <Badge tone="danger" testId="report-late">
          {t("late")}
        </Badge>
      )}
    </span>
  );
}
