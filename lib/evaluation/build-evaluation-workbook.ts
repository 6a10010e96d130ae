import ExcelJS from "exceljs";
import type { TEvaluationDetail } from "@/lib/evaluation/queries/get-evaluation";

// The evaluation table as .xlsx: one row per bank the viewer may see (getEvaluation has
// already filtered them), with both quarters, the three parts, the combined score, the
// grade and the rectification requirement with its basis. An open evaluation's results
// are what finalising now would give. The sheet's name (at most 31 characters in
// Excel) is the short message export.sheet.

export type TEvaluationT = (key: string, values?: Record<string, string | number>) => string;

type TCell = string | number | null;

// Cells a spreadsheet would run as a formula are written as text (Excel injection).
const safe = (v: TCell): TCell => (typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function buildEvaluationWorkbook(evaluation: TEvaluationDetail, t: TEvaluationT): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "融桥 RongQiao";
  const [qa, qb] = evaluation.quarters;
  const ws = workbook.addWorksheet(t("export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  const headers: Array<[string, number]> = [
    [t("columns.bank"), 32],
    [t("columns.quarterScore", { quarter: qa.quarter }), 12],
    [t("columns.quarterScore", { quarter: qb.quarter }), 12],
    [t("columns.quantitative"), 12],
    [t("columns.pbcScore"), 12],
    [t("columns.pbcComment"), 30],
    [t("columns.financeScore"), 12],
    [t("columns.financeComment"), 30],
    [t("columns.combined"), 12],
    [t("columns.grade"), 10],
    [t("columns.mustRectify"), 10],
    [t("columns.rectifyBasis"), 40],
  ];
  ws.columns = headers.map(([header, width], i) => ({ header, key: String(i), width }));
  ws.getRow(1).font = { bold: true };
  for (const row of evaluation.rows) {
    const r = row.result;
    const basis = [
      r?.belowThreshold ? t("rectify.threshold", { below: evaluation.rules.rectifyBelow }) : null,
      row.rectifyPicked ? t("rectify.picked", { reason: row.rectifyReason ?? "" }) : null,
    ]
      .filter(Boolean)
      .join("；");
    const cells: TCell[] = [
      row.bankName,
      row.quarterScores[0],
      row.quarterScores[1],
      r?.quantitative ?? null,
      r?.pbcScore ?? null,
      row.pbcComment,
      r?.financeScore ?? null,
      row.financeComment,
      r?.combinedScore ?? null,
      r ? t(`grades.${r.grade}`) : null,
      r?.mustRectify ? t("export.yes") : "",
      basis,
    ];
    ws.addRow(cells.map(safe));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
