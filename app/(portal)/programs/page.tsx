import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { listPrograms } from "@/lib/programs/queries/list-programs";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../portal-frame";
import { day } from "./format";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<{ page?: string | string[] }>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ProgramsPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("programs.manage");
  const page = Number(first((await searchParams).page) ?? 1);
  const t = await getTranslations("programs");
  const list = await listPrograms(db(), { page });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));

  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <Link href="/programs/new" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("newProgram")}
          </Link>
        </div>
        <p className="text-slate-700">{t("intro")}</p>
        {list.rows.length === 0 ? (
          <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
        ) : (
          <Table caption={t("title")} head={[t("columns.name"), t("columns.docNumber"), t("columns.year"), t("columns.level"), t("columns.phases"), t("columns.ruleVersion"), t("columns.status")]}>
                {list.rows.map((p) => (
                  <tr key={p.id} data-testid={`program-row-${p.id}`}>
                    <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                      <Link href={`/programs/${p.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {p.name}
                      </Link>
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">{p.docNumber}</td>
                    <td className="px-3 py-2 tabular-nums">{p.year}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{t(`levels.${p.level}`)}</td>
                    <td className="px-3 py-2">
                      {p.phases.length === 0 ? (
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
                      )}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {p.currentVersion === null ? <span className="text-slate-400">{t("none")}</span> : t("versionLabel", { version: p.currentVersion })}
                    </td>
                    <td className="px-3 py-2">
                      {p.active ? (
                        <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs text-green-800">{t("active")}</span>
                      ) : (
                        <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">{t("inactive")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
        )}
        {list.total > list.pageSize && (
          <Pagination
            page={list.page}
            pages={pages}
            hrefFor={(p) => (p > 1 ? `/programs?page=${p}` : "/programs")}
            labels={{ nav: t("pagination"), summary: t("pageOf", { page: list.page, pages, total: list.total }), previous: t("previous"), next: t("next") }}
          />
        )}
      </main>
    </PortalFrame>
  );
}
