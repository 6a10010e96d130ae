import { getTranslations } from "next-intl/server";
import type { TColumn } from "@/components/ui/data-table";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

/** The fields of a loan that every loan table shows, whoever reads it. */
export type TLoanTermsRow = {
  bankName: string;
  amountFen: bigint;
  annualRate: string;
  termMonths: number;
  product: string;
  isCreditLoan: boolean;
  disbursedOn: Date | null;
  maturesOn: Date | null;
};

/**
 * The columns a bank's loan register and an enterprise's own loans share (lender, amount in
 * 万元, disbursed and maturity days) and the wording of a loan's terms, so that both tables
 * say a loan the same way. Each table adds its own columns and places these among them.
 */
export async function loanColumns<Row extends TLoanTermsRow>(locale: TLocale) {
  const t = await getTranslations("loans");
  const day = (d: Date | null) => (d ? formatDate(d, locale) : "—");
  const bank: TColumn<Row> = { key: "bank", header: t("columns.bank"), cell: (r) => r.bankName };
  const amount: TColumn<Row> = {
    key: "amount",
    header: t("columns.amount"),
    numeric: true,
    onCard: true,
    cell: (r) => t("amountValue", { amount: formatWanYuan(r.amountFen, locale) }),
  };
  const disbursed: TColumn<Row> = { key: "disbursed", header: t("columns.disbursedOn"), onCard: true, cell: (r) => day(r.disbursedOn) };
  const matures: TColumn<Row> = { key: "matures", header: t("columns.maturesOn"), onCard: true, cell: (r) => day(r.maturesOn) };
  return {
    bank,
    amount,
    disbursed,
    matures,
    termsHeader: t("columns.terms"),
    /** Rate, term and product, e.g. "3.45% · 12 个月 · 流动资金贷款". */
    termsText: (r: Row) => t("termsValue", { rate: Number(r.annualRate), months: r.termMonths, product: r.product }),
    /** 信用 or 担保/抵押. */
    kindText: (r: Row) => (r.isCreditLoan ? t("credit") : t("secured")),
  };
}
