import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/link-styles";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { readKeyListCoverage, type TListCoverage } from "@/lib/key-lists/queries/read-key-list-coverage";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { db } from "@/lib/server/db";
import { coverageColumns } from "./key-lists/coverage-cells";
import { STATUS_TONE } from "./key-lists/status-tone";

/**
 * The year's key-enterprise lists with their coverage (contacted / members, by outcome),
 * read from the coverage tally in one grouped statement: every bank's for the finance
 * office, the bank's own members for a bank.
 */
export async function KeyListCoverageSection({ user, now = new Date() }: { user: TActorSource; now?: Date }) {
  const t = await getTranslations("keyLists");
  const year = Number(shanghaiDateString(now).slice(0, 4));
  const lists = await readKeyListCoverage(db(), user, { year });
  return (
    <section aria-labelledby="key-list-coverage-title" className="space-y-3" data-testid="key-list-coverage">
      <h2 id="key-list-coverage-title" className="text-lg font-medium">
        <Link href="/key-lists" className={linkClass}>
          {t("dashboard.title")}
        </Link>
      </h2>
      <p className="text-sm text-slate-600">{t("dashboard.intro", { year })}</p>
      {lists.length === 0 ? (
        <p className="text-sm text-slate-600">{t("dashboard.none")}</p>
      ) : (
        <DataTable<TListCoverage>
          caption={t("dashboard.title")}
          rows={lists}
          rowKey={(r) => r.listId}
          rowTestId={() => "key-list-coverage-row"}
          columns={[
            {
              key: "name",
              header: t("dashboard.list"),
              rowHeader: true,
              cell: (r) => (
                <Link href={`/key-lists/${r.listId}`} className={linkClass}>
                  {r.name}
                </Link>
              ),
            },
            {
              key: "status",
              header: t("columns.status"),
              onCard: true,
              cell: (r) => <Badge tone={STATUS_TONE[r.status]}>{t(`statuses.${r.status}`)}</Badge>,
            },
            ...coverageColumns(t, "key-list-coverage-figure"),
          ]}
        />
      )}
    </section>
  );
}
