import { getTranslations } from "next-intl/server";
import { loanColumns } from "@/components/loans/loan-columns";
import { DataTable } from "@/components/ui/data-table";
import type { TLocale } from "@/lib/i18n/locales";
import type { TEnterpriseLoan } from "@/lib/loans/queries/list-enterprise-loans";

// The enterprise's own loans as its banks recorded them (on a request or outside one),
// so a loan it did not ask for here is on its page too.
export async function MyLoans({ loans, locale }: { loans: TEnterpriseLoan[]; locale: TLocale }) {
  if (loans.length === 0) return null;
  const [t, loan] = await Promise.all([getTranslations("loans"), loanColumns<TEnterpriseLoan>(locale)]);
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
          { ...loan.bank, rowHeader: true },
          loan.amount,
          { key: "terms", header: loan.termsHeader, onCard: true, cell: (r) => `${loan.termsText(r)} · ${loan.kindText(r)}` },
          loan.disbursed,
          loan.matures,
        ]}
      />
    </section>
  );
}
