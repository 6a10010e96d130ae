import type { RankingStatus } from "@/lib/generated/prisma/enums";

const STYLE: Record<RankingStatus | "NONE" | "RUNNING", string> = {
  DRAFT: "bg-slate-100 text-slate-800",
  UNDER_REVIEW: "bg-amber-100 text-amber-900",
  PUBLISHED: "bg-green-100 text-green-900",
  NONE: "bg-white text-slate-600 ring-1 ring-slate-300",
  RUNNING: "bg-white text-slate-500 ring-1 ring-slate-200",
};

export function StatusBadge({ status, label }: { status: keyof typeof STYLE; label: string }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STYLE[status]}`}>{label}</span>;
}

export function BottomBadge({ label }: { label: string }) {
  return <span className="inline-block rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">{label}</span>;
}
