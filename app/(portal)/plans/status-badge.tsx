import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { AssistancePlanStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<AssistancePlanStatus, "ok" | "info" | "warn"> = {
  DRAFT: "info",
  SUBMITTED: "info",
  PARK_APPROVED: "info",
  APPROVED: "ok",
  RETURNED: "warn",
};

export async function PlanStatusBadge({ status }: { status: AssistancePlanStatus }) {
  const t = await getTranslations("plans");
  return <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>;
}
