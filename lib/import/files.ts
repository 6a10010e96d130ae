/**
 * The files the import pages hand out: the template (.xlsx, header row in Chinese, every
 * column formatted as text so Excel keeps an 18-character USCC and a leading zero) and
 * the error report (.xlsx: row, column, reason). Texts other than the column headers
 * come through `t`, a translator for the "import" namespace.
 */
import ExcelJS from "exceljs";
import { INDUSTRY_SECTIONS } from "@/lib/registry/rules";
import { buildWorkbook } from "@/lib/spreadsheet/xlsx";
import { CONTACT_COLUMNS, ENTERPRISE_COLUMNS, type TColumnSpec } from "./columns";
import { SECTION_NAMES, type TBankRef, type TFileError, type TParkRef, type TRowError } from "./rules";
import type { TImportKind } from "./run";
import type { TTranslate } from "@/lib/i18n/translator";

export function columnsOf(kind: TImportKind): readonly TColumnSpec[] {
  return kind === "enterprises" ? ENTERPRISE_COLUMNS : CONTACT_COLUMNS;
}

type TTemplateData =
  { kind: "enterprises"; parks: readonly TParkRef[]; ownPark: boolean } | { kind: "contacts"; banks: readonly TBankRef[] };

export async function buildTemplate(data: TTemplateData, t: TTranslate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "融桥 RongQiao";
  const columns = columnsOf(data.kind);
  const sheet = workbook.addWorksheet(t(`template.${data.kind}.sheet`), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.required && !(data.kind === "enterprises" && data.ownPark && c.key === "park") ? `*${c.header}` : c.header,
    key: c.key,
    width: c.width,
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };

  const help = workbook.addWorksheet(t("template.helpSheet"));
  help.columns = [{ width: 24 }, { width: 90 }];
  help.addRow([t("template.helpTitle")]).font = { bold: true, size: 14 };
  for (const line of ["rowOne", "required", "allOrNothing", "text"]) help.addRow(["", t(`template.rules.${line}`)]);
  help.addRow([]);
  for (const c of columns) {
    const row = help.addRow([c.header, t(`template.columns.${data.kind}.${c.key}`)]);
    row.getCell(1).font = { bold: true };
    row.alignment = { wrapText: true, vertical: "top" };
  }
  help.addRow([]);

  if (data.kind === "enterprises") {
    help.addRow([t("template.parksTitle")]).font = { bold: true };
    for (const p of data.parks) help.addRow([p.code, p.shortName ? `${p.name}（${p.shortName}）` : p.name]);
    help.addRow([]);
    help.addRow([t("template.sectionsTitle")]).font = { bold: true };
    for (const s of INDUSTRY_SECTIONS) help.addRow([s, SECTION_NAMES[s]]);
    help.addRow([]);
    help.addRow([t("template.sizesTitle"), "大 / 中 / 小 / 微"]).getCell(1).font = { bold: true };
  } else {
    help.addRow([t("template.banksTitle")]).font = { bold: true };
    for (const b of data.banks) help.addRow([b.shortName ?? "", b.name]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function errorText(t: TTranslate, code: string, params: Record<string, string | number> = {}): string {
  return t(`errors.${code}`, params);
}

/** Every problem of a refused file: 行号, 列, 问题. */
export async function buildErrorReport(
  result: { fileError: TFileError | null; errors: readonly TRowError[] },
  t: TTranslate,
): Promise<Buffer> {
  type TLine = { row: number | null; column: string; reason: string };
  const lines: TLine[] = [];
  if (result.fileError) lines.push({ row: null, column: "", reason: errorText(t, result.fileError.code, result.fileError.params) });
  for (const e of result.errors) lines.push({ row: e.row, column: e.column ?? "", reason: errorText(t, e.code, e.params) });
  return buildWorkbook<TLine>(
    t("report.sheet"),
    [
      { header: t("report.row"), width: 10, value: (l) => l.row },
      { header: t("report.column"), width: 20, value: (l) => l.column },
      { header: t("report.reason"), width: 80, value: (l) => l.reason },
    ],
    lines,
  );
}
