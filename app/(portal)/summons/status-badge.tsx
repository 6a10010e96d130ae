import { getTranslations } from "next-intl/server";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import type { SummonsStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<SummonsStatus, TBadgeTone> = {
  AWAITING_PLAN: "warn",
  PLAN_SUBMITTED: "info",
  PLAN_RETURNED: "danger",
  IN_RECTIFICATION: "brand",
  COMPLETION_SUBMITTED: "info",
  COMPLETION_RETURNED: "danger",
  COMPLETED: "ok",
};

/** The summons' status word, and "overdue" beside it when a measure deadline has passed. */
export async function SummonsStatusBadge({ status, overdue }: { status: SummonsStatus; overdue: boolean }) {
  const t = await getTranslations("summons");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONE[status]} testId="summons-status">
        {t(`status.${status}`)}
      </Badge>
      {overdue && (
        <Badge tone="danger" testId="summons-overdue">
          {t("overdue")}
        </Badge>
      )}
    </span>
  );
}
