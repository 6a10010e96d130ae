import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { readEventBankFigures, type TEventBankFigures } from "@/lib/events/queries/read-event-bank-figures";
import { quarterOf } from "@/lib/events/rules";
import { formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { db } from "@/lib/server/db";

/** For the offices: each bank's events of the quarter (invited, held, intentions, amounts). */
export async function BankFiguresSection({ now }: { now: Date }) {
  const quarter = quarterOf(now);
  const [t, locale, rows] = await Promise.all([
    getTranslations("events"),
    getLocale().then(resolveLocale),
    readEventBankFigures(db(), { from: quarter.from, to: quarter.to }),
  ]);
  const money = (fen: bigint) => t("wanYuan", { amount: formatWanYuan(fen, locale) });
  return (
    <Panel
      title={t("bankFigures.title", { year: quarter.year, quarter: quarter.quarter })}
      hint={t("bankFigures.hint")}
      testId="event-bank-figures"
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("bankFigures.empty")}</p>
      ) : (
        <DataTable<TEventBankFigures>
          caption={t("bankFigures.caption")}
          rows={rows}
          rowKey={(r) => r.bankOrgId}
          rowTestId={() => "event-bank-row"}
          columns={[
            { key: "bank", header: t("columns.bank"), rowHeader: true, cell: (r) => r.bankName },
            { key: "invited", header: t("bankFigures.invited"), numeric: true, onCard: true, cell: (r) => r.invited },
            { key: "held", header: t("bankFigures.held"), numeric: true, onCard: true, cell: (r) => r.held },
            { key: "intentions", header: t("columns.intentions"), numeric: true, onCard: true, cell: (r) => r.intentions },
            { key: "intended", header: t("columns.intended"), numeric: true, cell: (r) => money(r.intendedFen) },
            { key: "signed", header: t("columns.signed"), numeric: true, onCard: true, cell: (r) => money(r.signedFen) },
            { key: "raised", header: t("columns.raised"), numeric: true, cell: (r) => r.raised },
          ]}
        />
      )}
    </Panel>
  );
}
