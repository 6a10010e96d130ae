import { Badge, type TBadgeTone } from "@/components/ui/badge";
import type { RankingStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<RankingStatus | "NONE" | "RUNNING", TBadgeTone> = {
  DRAFT: "muted",
  UNDER_REVIEW: "warn",
  PUBLISHED: "ok",
  NONE: "outline",
  RUNNING: "outline",
};

export function StatusBadge({ status, label }: { status: keyof typeof TONE; label: string }) {
  return <Badge tone={TONE[status]}>{label}</Badge>;
}

export function BottomBadge({ label }: { label: string }) {
  return <Badge tone="danger">{label}</Badge>;
}
