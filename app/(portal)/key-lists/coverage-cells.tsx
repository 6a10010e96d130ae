import type { TColumn } from "@/components/ui/data-table";
import { contactedOf, coveragePercent, type TCoverage } from "@/lib/key-lists/rules";

/** "contacted / members (percent)" as every key-list table shows it. */
export function CoverageFigure({ coverage, testId }: { coverage: TCoverage; testId?: string }) {
  return (
    <span data-testid={testId}>
      {contactedOf(coverage)} / {coverage.members}（{coveragePercent(coverage)}%）
    </span>
  );
}

/**
 * The outcome counts (connected, has a need, credit granted, no need) and the coverage
 * figure, the closing columns of every key-list coverage table. `t` is the keyLists translator.
 */
export function coverageColumns<Row extends { coverage: TCoverage }>(
  t: (key: "outcomes.CONNECTED" | "outcomes.HAS_NEED" | "outcomes.CREDIT_GRANTED" | "outcomes.NO_NEED" | "columns.coverage") => string,
  figureTestId?: string,
): TColumn<Row>[] {
  return [
    { key: "connected", header: t("outcomes.CONNECTED"), numeric: true, onCard: true, cell: (r) => r.coverage.connected },
    { key: "hasNeed", header: t("outcomes.HAS_NEED"), numeric: true, onCard: true, cell: (r) => r.coverage.hasNeed },
    { key: "granted", header: t("outcomes.CREDIT_GRANTED"), numeric: true, onCard: true, cell: (r) => r.coverage.creditGranted },
    { key: "noNeed", header: t("outcomes.NO_NEED"), numeric: true, onCard: true, cell: (r) => r.coverage.noNeed },
    {
      key: "coverage",
      header: t("columns.coverage"),
      numeric: true,
      onCard: true,
      cell: (r) => <CoverageFigure coverage={r.coverage} testId={figureTestId} />,
    },
  ];
}
