import type { TBadgeTone } from "@/components/ui/badge";
import type { TEventPhase } from "@/lib/events/rules";

/** The badge colour of each phase of an event, in the list and on its page. */
export const PHASE_TONE: Record<TEventPhase, TBadgeTone> = {
  open: "ok",
  full: "warn",
  awaitingAttendance: "info",
  held: "brand",
  cancelled: "muted",
};
