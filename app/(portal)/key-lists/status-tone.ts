import type { TBadgeTone } from "@/components/ui/badge";
import type { KeyListStatus, KeyContactOutcome } from "@/lib/generated/prisma/enums";

export const STATUS_TONE: Record<KeyListStatus, TBadgeTone> = { DRAFT: "info", ASSIGNED: "warn", CLOSED: "ok" };
export const OUTCOME_TONE: Record<KeyContactOutcome, TBadgeTone> = {
  CONNECTED: "info",
  HAS_NEED: "warn",
  CREDIT_GRANTED: "ok",
  NO_NEED: "muted",
};
