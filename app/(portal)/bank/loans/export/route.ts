import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import { ZLoanListFilter } from "@/lib/loans/schemas";
import { readBankLoansExport } from "@/lib/loans/queries/read-bank-loans-export";
import type { TLoanRow } from "@/lib/loans/queries/list-bank-loans";
import { buildWorkbook, xlsxResponse, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

// GET /bank/loans/export — policy "loans.export": the bank's loan register (its own and
// its branches' loans, with the page's filters) as an .xlsx file. Audited with the number
// of rows.
export const GET = defineRoute({
  name: "loans.export",
  policy: "loans.export",
  refusals: "text",
  messages: "loans",
  async handler({ user, locale, translator, request }) {
    const t = await translator();
    const params = new URL(request.url).searchParams;
    const filter = ZLoanListFilter.parse({
      enterpriseId: params.get("enterpriseId") ?? undefined,
      maturesFrom: params.get("maturesFrom") ?? undefined,
      maturesTo: params.get("maturesTo") ?? undefined,
    });
    const { rows, capped } = await readBankLoansExport(db(), user, filter);
    const day = (d: Date | null) => (d ? formatDate(d, locale) : null);
    const columns: TColumn<TLoanRow>[] = [
      { header: t("loans.columns.enterprise"), width: 28, value: (r) => r.enterpriseName },
      { header: t("loans.columns.uscc"), width: 20, value: (r) => r.uscc },
      { header: t("loans.columns.bank"), width: 24, value: (r) => r.bankName },
      { header: t("loans.columns.product"), width: 16, value: (r) => r.product },
      { header: t("loans.columns.amount"), width: 12, value: (r) => formatWanYuan(r.amountFen, locale) },
      { header: t("loans.columns.rate"), width: 10, value: (r) => r.annualRate },
      { header: t("loans.columns.term"), width: 8, value: (r) => r.termMonths },
      { header: t("loans.columns.kind"), width: 8, value: (r) => (r.isCreditLoan ? t("loans.credit") : t("loans.secured")) },
      { header: t("loans.columns.firstLoan"), width: 6, value: (r) => (r.isFirstLoan ? t("loans.yes") : "") },
      { header: t("loans.columns.guarantee"), width: 20, value: (r) => r.guarantee },
      { header: t("loans.columns.disbursedOn"), width: 12, value: (r) => day(r.disbursedOn) },
      { header: t("loans.columns.maturesOn"), width: 12, value: (r) => day(r.maturesOn) },
      { header: t("loans.columns.source"), width: 16, value: (r) => r.requestSerial ?? t("loans.sourceRecorded") },
      {
        header: t("loans.columns.cancelled"),
        width: 30,
        value: (r) => (r.cancelledAt ? `${day(r.cancelledAt)} ${r.cancelReason ?? ""}` : ""),
      },
    ];
    const file = await buildWorkbook(t("loans.exportSheet"), columns, rows);
    const stamp = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");
    return {
      response: xlsxResponse(file, `${t("loans.exportSheet")}-${stamp}.xlsx`),
      audit: { action: "loans.exported", details: { rows: rows.length, capped } },
    };
  },
});
