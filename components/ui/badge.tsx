import type { ReactNode } from "react";

export type TBadgeTone = "ok" | "muted" | "warn" | "danger" | "info" | "brand" | "outline";

const TONES: Record<TBadgeTone, string> = {
  ok: "bg-green-50 text-green-800 ring-green-600/30",
  muted: "bg-slate-100 text-slate-700 ring-slate-300",
  warn: "bg-amber-50 text-amber-900 ring-amber-500/50",
  danger: "bg-red-50 text-red-800 ring-red-600/30",
  info: "bg-blue-50 text-blue-800 ring-blue-600/30",
  brand: "bg-brand-600 text-white ring-brand-600",
  outline: "bg-white text-slate-600 ring-slate-300",
};

/**
 * A short status word in a coloured pill (有效 / 已停用, 按时 / 逾期). The word carries the
 * meaning; the colour only repeats it.
 */
export function Badge({ tone, children, testId }: { tone: TBadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
