import PDFDocument from "pdfkit";
import { drawTable } from "@/lib/pdf/draw-table";
import { formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { TBulletinData } from "@/lib/ranking/pdf/bulletin-from-ranking";
import { indicatorLabel, score, type TIndicatorsT, type TRankingT } from "@/lib/ranking/format";

// The quarterly bulletin (通报) as a PDF with the Chinese font EMBEDDED (a subset of
// Noto Sans CJK SC), so it prints the same on any office computer. Page 1: title,
// program and rule-set version, the ranking table, the bottom list, issuer and date;
// then, in landscape, the points of every indicator.

export type TBulletinOptions = {
  /** A .ttf/.otf/.ttc file with CJK glyphs (lib/server/env.ts bulletinFontPath()). */
  fontPath: string;
  /** The face inside a collection (.ttc), e.g. "NotoSansCJKsc-Regular". */
  fontName?: string;
  /** Translates keys of the "ranking" namespace. */
  t: TRankingT;
  /** Translates keys of the "indicators" namespace (labels). */
  ti: TIndicatorsT;
  locale: TLocale;
};

// A bank without a quarterly return has no rank: it is listed, not placed.
const NO_RANK = "—";
const BOTTOM_FILL = "#fde8e8";

/** The bulletin as PDF bytes. Deterministic for the same data (creation date = publication). */
export async function renderBulletinPdf(data: TBulletinData, options: TBulletinOptions): Promise<Buffer> {
  const { t } = options;
  // The annual assessment's bulletin is the same document with the year's wording and a
  // commendation list; every key below has its annual counterpart under "annual".
  const annual = data.period === "YEAR";
  const text = (key: "bottomHeading" | "bottomText" | "bottomNone" | "missingHeading" | "missingText") =>
    annual ? `annual.${key}` : `bulletin.${key}`;
  const title = annual
    ? t("annual.title", { year: data.year })
    : t("bulletin.title", { year: data.year, quarter: t(`quarterWords.${data.quarter}`) });
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    autoFirstPage: true,
    compress: true,
    info: {
      Title: `${data.programName} ${title}`,
      Author: data.issuerName,
      Creator: "融桥 RongQiao",
      CreationDate: data.publishedAt,
      ModDate: data.publishedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.registerFont("cjk", options.fontPath, options.fontName);
  doc.font("cjk");
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.fillColor("#0f172a").fontSize(15).text(data.programName, { align: "center" });
  doc.moveDown(0.2);
  doc.fontSize(18).text(title, { align: "center" });
  doc.moveDown(0.6);
  doc
    .fontSize(10)
    .fillColor("#334155")
    .text(
      t("bulletin.basis", {
        program: data.programName,
        docNumber: data.programDocNumber,
        ruleSet: data.ruleSetName,
        version: data.ruleSetVersion,
        bottom: data.bottomListSize,
      }),
      { align: "left" },
    );
  doc.moveDown(0.8);

  doc.fillColor("#0f172a").fontSize(13).text(t("bulletin.rankingHeading"));
  doc.moveDown(0.3);
  drawTable(
    doc,
    [
      { header: t("columns.rank"), width: 50, align: "center" },
      { header: t("columns.bank"), width: width - 50 - 100 - 100 },
      { header: t("columns.totalScore"), width: 100, align: "right" },
      { header: t("columns.bottomList"), width: 100, align: "center" },
    ],
    data.rows.map((r) => ({
      cells: r.missingReturn
        ? [NO_RANK, r.bankName, t("bulletin.notFiled"), ""]
        : [String(r.rank), r.bankName, score(r.totalScore), r.bottomList ? t("bulletin.bottomMark") : ""],
      fill: r.bottomList ? BOTTOM_FILL : undefined,
    })),
    10,
    "portrait",
  );

  doc.moveDown(0.8);
  doc.fontSize(13).text(t(text("bottomHeading")));
  doc.moveDown(0.3);
  doc
    .fontSize(10.5)
    .text(
      data.bottomList.length > 0
        ? t(text("bottomText"), { banks: data.bottomList.join("、"), count: data.bottomList.length })
        : t(text("bottomNone")),
    );

  if (annual && data.topList.length > 0) {
    doc.moveDown(0.8);
    doc.fontSize(13).text(t("annual.topHeading"));
    doc.moveDown(0.3);
    doc.fontSize(10.5).text(t("annual.topText", { banks: data.topList.join("、"), count: data.topList.length }));
  }

  if (data.missingReturn.length > 0) {
    doc.moveDown(0.8);
    doc.fontSize(13).text(t(text("missingHeading")));
    doc.moveDown(0.3);
    doc.fontSize(10.5).text(t(text("missingText"), { banks: data.missingReturn.join("、"), count: data.missingReturn.length }));
  }

  doc.moveDown(2);
  doc.fontSize(11).text(data.issuerName, { align: "right" });
  doc.text(formatDate(data.publishedAt, options.locale), { align: "right" });

  doc.addPage({ size: "A4", layout: "landscape", margin: 40 });
  const wide = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.fontSize(13).text(t("bulletin.pointsHeading"));
  doc.moveDown(0.3);
  const fixed = 30 + 130 + 46;
  const each = data.indicators.length > 0 ? (wide - fixed) / data.indicators.length : 0;
  drawTable(
    doc,
    [
      { header: t("columns.rank"), width: 30, align: "center" },
      { header: t("columns.bank"), width: 130 },
      ...data.indicators.map((i) => ({
        header: t("bulletin.indicatorHeader", { label: indicatorLabel(options.ti, i.key), max: i.maxPoints }),
        width: each,
        align: "right" as const,
      })),
      { header: t("columns.totalScore"), width: 46, align: "right" },
    ],
    data.rows.map((r) => ({
      cells: r.missingReturn
        ? [NO_RANK, r.bankName, ...r.points.map((p) => (p === null ? t("bulletin.notFiled") : score(p))), t("bulletin.notFiled")]
        : [String(r.rank), r.bankName, ...r.points.map((p) => (p === null ? "—" : score(p))), score(r.totalScore)],
      fill: r.bottomList ? BOTTOM_FILL : undefined,
    })),
    8,
    "landscape",
  );

  doc.end();
  return done;
}
