import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { TEnterpriseLoan } from "@/lib/loans/queries/list-enterprise-loans";

// The enterprise's own loans as its banks recorded them (on a request or outside one),
// so a loan it did not ask for here is on its page too.
export async function MyLoans({ loans, locale }: { loans: TEnterpriseLoan[]; locale: TLocale }) {
  if (loans.length === 0) return null;
  const t = await getTranslations("loans");
  const day = (d: Date | null) => (d ? formatDate(d, locale) : "—");
  return (
    <section aria-labelledby="loans-title" className="space-y-3">
      <h2 id="loans-title" className="text-lg font-medium">
        {t("mine.title")}
      </h2>
      <DataTable<TEnterpriseLoan>
        caption={t("mine.title")}
        testId="my-loans"
        rows={loans}
        rowKey={(r) => r.id}
        rowTestId={() => "my-loan"}
        columns={[
          { key: "bank", header: t("columns.bank"), rowHeader: true, cell: (r) => r.bankName },
          {
            key: "amount",
            header: t("columns.amount"),
            numeric: true,
            onCard: true,
            cell: (r) => t("amountValue", { amount: formatWanYuan(r.amountFen, locale) }),
          },
          {
            key: "terms",
            header: t("columns.terms"),
            onCard: true,
            cell: (r) =>
              `${t("termsValue", { rate: Number(r.annualRate), months: r.termMonths, product: r.product })} · ${r.isCreditLoan ? t("credit") : t("secured")}`,
          },
          { key: "disbursed", header: t("columns.disbursedOn"), onCard: true, cell: (r) => day(r.disbursedOn) },
          { key: "matures", header: t("columns.maturesOn"), onCard: true, cell: (r) => day(r.maturesOn) },
        ]}
      />
    </section>
  );
}
