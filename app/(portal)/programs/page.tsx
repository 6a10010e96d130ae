import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonLinkClass, linkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pagerLabels } from "@/components/ui/pagination";
import { listPrograms } from "@/lib/programs/queries/list-programs";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { day } from "./format";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<{ page?: string | string[] }>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ProgramsPage({ searchParams }: { searchParams: TSearchParams }) {
  await requirePermission("programs.manage");
  const page = Number(first((await searchParams).page) ?? 1);
  const t = await getTranslations("programs");
  const list = await listPrograms(db(), { page });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <Link href="/programs/new" className={buttonLinkClass}>
            {t("newProgram")}
          </Link>
        }
      />
      {list.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <DataTable
          caption={t("title")}
          rows={list.rows}
          rowKey={(p) => p.id}
          rowTestId={(p) => `program-row-${p.id}`}
          columns={[
            {
              key: "name",
              header: t("columns.name"),
              rowHeader: true,
              className: "text-slate-900",
              cell: (p) => (
                <Link href={`/programs/${p.id}`} className={linkClass}>
                  {p.name}
                </Link>
              ),
            },
            { key: "docNumber", header: t("columns.docNumber"), className: "whitespace-nowrap", cell: (p) => p.docNumber },
            { key: "year", header: t("columns.year"), className: "tabular-nums", cell: (p) => p.year },
            {
              key: "level",
              header: t("columns.level"),
              className: "whitespace-nowrap",
              onCard: false,
              cell: (p) => t(`levels.${p.level}`),
            },
            {
              key: "phases",
              header: t("columns.phases"),
              onCard: false,
              cell: (p) =>
                p.phases.length === 0 ? (
                  <span className="text-slate-400">{t("none")}</span>
                ) : (
                  <ul className="space-y-0.5 whitespace-nowrap">
                    {p.phases.map((ph) => (
                      <li key={ph.kind}>
                        <span className="text-slate-600">{t(`phases.${ph.kind}`)}</span>{" "}
                        <span className="tabular-nums">{t("phaseRange", { from: day(ph.startsOn), to: day(ph.endsOn) })}</span>
                      </li>
                    ))}
                  </ul>
                ),
            },
            {
              key: "ruleVersion",
              header: t("columns.ruleVersion"),
              className: "whitespace-nowrap",
              cell: (p) =>
                p.currentVersion === null ? (
                  <span className="text-slate-400">{t("none")}</span>
                ) : (
                  t("versionLabel", { version: p.currentVersion })
                ),
            },
            {
              key: "status",
              header: t("columns.status"),
              cell: (p) => <Badge tone={p.active ? "ok" : "muted"}>{t(p.active ? "active" : "inactive")}</Badge>,
            },
          ]}
        />
      )}
      {list.total > list.pageSize && (
        <Pagination
          page={list.page}
          pages={pages}
          hrefFor={(p) => (p > 1 ? `/programs?page=${p}` : "/programs")}
          labels={pagerLabels(t, { page: list.page, pages, total: list.total })}
        />
      )}
    </main>
  );
}
