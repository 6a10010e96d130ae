import { contactedOf, coveragePercent, type TCoverage } from "@/lib/key-lists/rules";

/** "contacted / members (percent)" as every key-list table shows it. */
export function CoverageFigure({ coverage, testId }: { coverage: TCoverage; testId?: string }) {
  return (
    <span data-testid={testId}>
      {contactedOf(coverage)} / {coverage.members}（{coveragePercent(coverage)}%）
    </span>
  );
}
