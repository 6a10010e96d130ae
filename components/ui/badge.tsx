import type { ReactNode } from "react";

export type TBadgeTone = "ok" | "muted" | "warn" | "danger" | "info" | "brand" | "outline";

/**
 * A short status word in a coloured pill (有效 / 已停用, 按时 / 逾期). The word carries the
 * meaning; the colour only repeats it. The pill's look is `.badge` in app/globals.css, its
 * colour chosen there by data-tone: lists show a badge per row.
 */
export function Badge({ tone, children, testId }: { tone: TBadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span data-testid={testId} data-tone={tone} className="badge">
      {children}
    </span>
  );
}
