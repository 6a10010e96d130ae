import type { TBadgeTone } from "@/components/ui/badge";
import type { TShownStatus } from "@/lib/questionnaires/rules";

/** The badge colour of a questionnaire's status, the same on every page. */
export function statusTone(status: TShownStatus): TBadgeTone {
  return status === "OPEN" ? "ok" : status === "DRAFT" ? "muted" : status === "SCHEDULED" ? "info" : "outline";
}
