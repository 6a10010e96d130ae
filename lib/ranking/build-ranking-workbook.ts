import ExcelJS from "exceljs";
import { RETURN_INDICATORS, type TIndicatorKey } from "@/lib/ranking/indicators";
import { maxPoints } from "@/lib/ranking/rules";
import type { TRankingDetail } from "@/lib/ranking/queries/get-ranking";
import { costReasonText, formatIndicatorValue, indicatorLabel, ruleInWords, type TIndicatorsT, type TRankingT } from "@/lib/ranking/format";

// A published ranking as .xlsx, from its stored entries and snapshot only: the ranking,
// every indicator's value and points, the rules, and the items that cost points (as
// far as the viewer may see them — getRanking has already filtered them).

type TCell = string | number | null;

const NO_RANK = "—";

// Cells a spreadsheet would run as a formula are written as text (Excel injection).
const safe = (v: TCell): TCell => (typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

function sheet(workbook: ExcelJS.Workbook, name: string, headers: Array<[string, number]>, rows: TCell[][]): void {
  const ws = workbook.addWorksheet(name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = headers.map(([header, width], i) => ({ header, key: String(i), width }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(row.map(safe));
}

export async function buildRankingWorkbook(ranking: TRankingDetail, t: TRankingT, ti: TIndicatorsT): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "融桥 RongQiao";
  const rules = ranking.snapshot.rules;
  const label = (k: Parameters<typeof indicatorLabel>[1]) => indicatorLabel(ti, k);
  const yesNo = (b: boolean) => (b ? t("export.yes") : "");

  sheet(
    workbook,
    t("export.sheetRanking"),
    [
      [t("columns.rank"), 8],
      [t("columns.bank"), 36],
      [t("columns.totalScore"), 12],
      [t("columns.bottomList"), 10],
    ],
    ranking.entries.map((e) =>
      e.missingReturn ? [NO_RANK, e.bankName, t("bulletin.notFiled"), ""] : [e.rank, e.bankName, e.totalScore, yesNo(e.bottomList)],
    ),
  );

  const pointsHeaders: Array<[string, number]> = [
    [t("columns.rank"), 8],
    [t("columns.bank"), 36],
  ];
  for (const r of rules)
    pointsHeaders.push(
      [t("export.valueOf", { label: label(r.indicator) }), 16],
      [t("export.pointsOf", { label: label(r.indicator), max: maxPoints(r.rule) }), 14],
    );
  pointsHeaders.push([t("columns.totalScore"), 12]);
  sheet(
    workbook,
    t("export.sheetPoints"),
    pointsHeaders,
    ranking.entries.map((e) => {
      const by = new Map(e.breakdown.map((b) => [b.indicator, b]));
      // A bank without a return shows 未报送 where its return's figures would be, never 无数据 or 0.
      const notFiled = (k: TIndicatorKey) => e.missingReturn && RETURN_INDICATORS.has(k);
      return [
        e.missingReturn ? NO_RANK : e.rank,
        e.bankName,
        ...rules.flatMap((r) => {
          const b = by.get(r.indicator);
          if (notFiled(r.indicator)) return [t("bulletin.notFiled"), null];
          return [b ? formatIndicatorValue(r.indicator, b.value, t) : null, b ? b.points : null];
        }),
        e.missingReturn ? t("bulletin.notFiled") : e.totalScore,
      ];
    }),
  );

  sheet(
    workbook,
    t("export.sheetRules"),
    [
      [t("columns.indicator"), 24],
      [t("columns.rule"), 60],
      [t("columns.maxPoints"), 10],
    ],
    rules.map((r) => [label(r.indicator), ruleInWords(r.indicator, r.rule, t), maxPoints(r.rule)]),
  );

  sheet(
    workbook,
    t("export.sheetCostItems"),
    [
      [t("columns.bank"), 36],
      [t("columns.indicator"), 24],
      [t("columns.serial"), 20],
      [t("columns.reason"), 40],
    ],
    ranking.entries.flatMap((e) =>
      e.breakdown.flatMap((b) => b.costItems.map((c) => [e.bankName, label(b.indicator), c.serial, costReasonText(ti, c.reason)])),
    ),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
