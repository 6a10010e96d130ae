import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TParkDashboard } from "@/lib/dashboard/queries/get-park-dashboard";
import type { TParkFigureTable } from "@/lib/dashboard/park-figures";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { DataTable } from "@/components/ui/data-table";

const link = "text-brand-700 underline underline-offset-4 hover:text-brand-900";
const card = "rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200";

/** The park's active enterprises by A/B/C class, each a link to the registry so filtered. */
export async function EnterprisesSection({ data }: { data: TParkDashboard }) {
  const t = await getTranslations("dashboardPark.enterprises");
  return (
    <section aria-labelledby="enterprises-title" className="space-y-3">
      <h2 id="enterprises-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      <ul className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2 lg:grid-cols-5">
        <li className={card}>
          <Link href="/registry/enterprises" className={link} data-testid="enterprises-total">
            {t("total", { count: data.enterprises.total })}
          </Link>
        </li>
        {data.enterprises.byClass.map((c) => (
          <li key={c.supportClass} className={card}>
            <Link href={`/registry/enterprises?class=${c.supportClass}`} className={link} data-testid={`class-${c.supportClass}`}>
              {t("class", { label: t(`classes.${c.supportClass}`), count: c.count })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

async function FigureTable({ table, locale }: { table: TParkFigureTable; locale: TLocale }) {
  const t = await getTranslations("dashboardPark.figures");
  const heading = `${t(table.complete ? "complete" : "running")} · ${t("quarter", { year: table.year, quarter: table.quarter })}`;
  const wan = (fen: string) => formatWanYuan(fen, locale);
  return (
    <div className="space-y-2">
      <h3 className="font-medium">{heading}</h3>
      {table.rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t(table.complete ? "none" : "notYet")}</p>
      ) : (
        <>
          <p className="text-xs text-slate-600">{t("unit")}</p>
          <DataTable
            caption={heading}
            rows={table.rows}
            rowKey={(r) => r.bankOrgId}
            columns={[
              { key: "bank", header: t("bank"), rowHeader: true, className: "whitespace-nowrap", cell: (r) => r.bankName },
              { key: "status", header: t("status"), className: "whitespace-nowrap", cell: (r) => t(`statuses.${r.status}`) },
              { key: "balance", header: t("balance"), numeric: true, cell: (r) => wan(r.balanceFen) },
              { key: "increment", header: t("increment"), numeric: true, cell: (r) => wan(r.incrementFen) },
              { key: "borrowers", header: t("borrowers"), numeric: true, onCard: false, cell: (r) => r.borrowers },
              { key: "firstLoans", header: t("firstLoans"), numeric: true, onCard: false, cell: (r) => r.firstLoans },
              { key: "creditLoans", header: t("creditLoans"), numeric: true, onCard: false, cell: (r) => r.creditLoans },
            ]}
            footer={
              table.totals
                ? {
                    label: t("total"),
                    cells: {
                      balance: wan(table.totals.balanceFen),
                      increment: wan(table.totals.incrementFen),
                      borrowers: table.totals.borrowers,
                      firstLoans: table.totals.firstLoans,
                      creditLoans: table.totals.creditLoans,
                    },
                  }
                : undefined
            }
          />
        </>
      )}
    </div>
  );
}

/** This quarter's and the last complete quarter's figures the banks handed in for the park. */
export async function FiguresSection({ data, locale }: { data: TParkDashboard; locale: TLocale }) {
  const t = await getTranslations("dashboardPark.figures");
  return (
    <section aria-labelledby="figures-title" className="space-y-4">
      <h2 id="figures-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      {data.figures.map((table) => (
        <FigureTable key={`${table.year}-${table.quarter}`} table={table} locale={locale} />
      ))}
    </section>
  );
}

/** Paired banks that have not visited the park in the current half-year, and the visits made. */
export async function VisitsSection({ data, locale }: { data: TParkDashboard; locale: TLocale }) {
  const t = await getTranslations("dashboardPark.visits");
  const { halfYear, due, done, hasPairings } = data.visits;
  return (
    <section aria-labelledby="visits-title" className="space-y-3">
      <h2 id="visits-title" className="text-lg font-medium">
        {t("title")} · {t("period", { year: halfYear.year, half: String(halfYear.half) })}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <div className={card}>
          <h3 className="font-medium">{t("due")}</h3>
          {!hasPairings ? (
            <p className="mt-1 text-sm text-slate-700">{t("noPairings")}</p>
          ) : due.length === 0 ? (
            <p className="mt-1 text-sm text-slate-700">{t("allDone")}</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm" data-testid="visits-due">
              {due.map((b) => (
                <li key={b.bankOrgId}>
                  {b.bankName} <span className="text-slate-600">{t("roleNote", { role: t(`roles.${b.role}`) })}</span>
                </li>
              ))}
            </ul>
          )}
          <Link href="/pairings" className={`mt-2 inline-block text-sm ${link}`}>
            {t("pairings")}
          </Link>
        </div>
        <div className={card}>
          <h3 className="font-medium">{t("done")}</h3>
          {done.length === 0 ? (
            <p className="mt-1 text-sm text-slate-700">{t("noneDone")}</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {done.map((v, i) => (
                <li key={i}>{t("visit", { date: formatDate(v.visitedOn, locale), bank: v.bankName, leader: v.leaderName })}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
