import type { z } from "zod";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { AppError } from "@/lib/errors";
import type { TLocale } from "@/lib/i18n/locales";
import { ledgerPdfSection, renderLedgerPdf } from "@/lib/pdf/render-ledger-pdf";
import { getResolutionLedger } from "@/lib/submissions/queries/get-resolution-ledger";
import {
  ledgerFigureColumns,
  ledgerFigureRows,
  ledgerItemColumns,
  ledgerItemRows,
  ledgerStamp,
  stampColumns,
} from "@/lib/submissions/resolution-ledger";
import { ledgerSheet, writeLedgerWorkbook } from "@/lib/spreadsheet/write-ledger-workbook";
import { db } from "@/lib/server/db";
import type { TRouteOutcome, TRouteTranslator, ZIdRouteParams } from "@/lib/server/route";
import { fontOf, ledgerFileResponse, type TLedgerFormat } from "../../../ledger-file";

type TContext = {
  params: z.infer<typeof ZIdRouteParams>;
  user: TSessionUser;
  locale: TLocale;
  translator: (namespace?: string) => Promise<TRouteTranslator>;
};

// GET /submissions/<id>/ledger/{export,pdf} (behind defineRoute, policy "submissions.read"):
// an ACCEPTED quarterly submission's 解决台账 — its frozen snapshot, park figures and the
// ledger chain heads at acceptance. Another bank's submission, one not yet accepted, or
// an unknown id → 404 alike (the submission page's scope). Every download is audited.
export async function resolutionLedgerDownload(ctx: TContext, format: TLedgerFormat): Promise<TRouteOutcome> {
  const ledger = await getResolutionLedger(db(), ctx.user, ctx.params.id);
  if (!ledger) throw new AppError("notFound");
  const t = await ctx.translator();
  const s = ledger.submission;
  const items = ledgerItemRows(ledger);
  const figures = ledgerFigureRows(s, t);
  const stamp = ledgerStamp(ledger, t, ctx.locale);
  const quarter = t("submissions.quarterLabel", { year: s.year, quarter: s.quarter });
  const itemsEmpty = t(s.items === null ? "ledgers.resolution.summaryOnly" : "ledgers.resolution.empty");
  const body =
    format === "xlsx"
      ? await writeLedgerWorkbook([
          ledgerSheet({ name: t("ledgers.resolution.itemsSheet"), columns: ledgerItemColumns(t, ctx.locale), rows: [items] }),
          ledgerSheet({ name: t("ledgers.resolution.figuresSheet"), columns: ledgerFigureColumns(t), rows: [figures] }),
          ledgerSheet({ name: t("ledgers.resolution.stampSheet"), columns: stampColumns(t), rows: [stamp] }),
        ])
      : await renderLedgerPdf({
          ...fontOf(),
          title: t("ledgers.resolution.heading", { bank: s.bankName, quarter }),
          lines: stamp.filter((l) => l.part === "who").map((l) => `${l.label}：${l.value}`),
          sections: [
            ledgerPdfSection({
              heading: t("ledgers.resolution.itemsHeading"),
              columns: ledgerItemColumns(t, ctx.locale),
              rows: [items],
              emptyText: itemsEmpty,
            }),
            ledgerPdfSection({
              heading: t("ledgers.resolution.figuresHeading"),
              columns: ledgerFigureColumns(t),
              rows: [figures],
              emptyText: "",
            }),
          ],
          footer: [t("ledgers.resolution.stampHeading"), ...stamp.filter((l) => l.part === "verify").map((l) => `${l.label}：${l.value}`)],
          author: s.bankName,
          // The file of one accepted submission is the same whenever it is fetched.
          createdAt: ledger.acceptedAt,
          size: 6,
        });
  return {
    response: ledgerFileResponse(
      body,
      format,
      `resolution-ledger-${s.year}-q${s.quarter}`,
      t("ledgers.resolution.fileName", { bank: s.bankName, year: s.year, quarter: s.quarter }),
    ),
    audit: {
      action: "ledgers.resolutionLedgerExported",
      targetType: "QuarterlySubmission",
      targetId: s.id,
      details: { format, items: items.length, headsDigest: ledger.chain.headsDigest },
    },
  };
}
