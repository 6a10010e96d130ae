import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/link-styles";
import { Panel } from "@/components/ui/panel";
import { can } from "@/lib/auth/permissions";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { db } from "@/lib/server/db";
import { listSummonsPage } from "@/lib/summons/queries/list-summons";
import { SummonsStatusBadge } from "../summons/status-badge";

const SHOWN = 5;

/** The bank's own summons history on its dashboard: the latest few, and a link to them all. */
export async function SummonsHistorySection({ user }: { user: TActorSource }) {
  if (!can(user.role, "summons.read")) return null;
  const [t, locale, list] = await Promise.all([
    getTranslations("summons"),
    getLocale().then(resolveLocale),
    listSummonsPage(db(), user, null, { pageSize: SHOWN }),
  ]);
  return (
    <Panel title={t("history.title")} testId="bank-summons-history">
      {list.rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("history.empty")}</p>
      ) : (
        <div className="space-y-2">
          <DataTable
            caption={t("history.title")}
            rows={list.rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: "period",
                header: t("columns.period"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/summons/${r.id}`} className={linkClass}>
                    {r.quarter ? t("period", { year: r.year, quarter: r.quarter }) : t("periodHalf", { year: r.year })}
                  </Link>
                ),
              },
              { key: "heldOn", header: t("columns.heldOn"), cell: (r) => formatDate(r.heldOn, locale) },
              { key: "dueOn", header: t("columns.dueOn"), cell: (r) => formatDate(r.dueOn, locale) },
              { key: "status", header: t("columns.status"), cell: (r) => <SummonsStatusBadge status={r.status} overdue={r.overdue} /> },
            ]}
          />
          <Link href="/summons" className={`text-sm ${linkClass}`}>
            {t("history.all")}
          </Link>
        </div>
      )}
    </Panel>
  );
}
