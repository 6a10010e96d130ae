import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { areaOfRole } from "@/lib/auth/areas";
import { can } from "@/lib/auth/permissions";
import { listEvaluations } from "@/lib/evaluation/queries/list-evaluations";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { quarterEndsAt } from "@/lib/ranking/mutations/lock-quarter";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { OpenEvaluationForm } from "./open-evaluation-form";

export const dynamic = "force-dynamic";

export default async function EvaluationsPage() {
  const user = await requirePermission("evaluations.read");
  const [t, locale] = await Promise.all([getTranslations("evaluation"), getLocale()]);
  const area = areaOfRole(user.role);
  const isBank = area === "bank";
  const mayOpen = can(user.role, "evaluations.manage");
  const [program, evaluations] = await Promise.all([getCurrentProgram(db()), listEvaluations(db(), user)]);
  const period = (year: number, half: number) => t("periodLabel", { year, half: t(`halves.${half}`) });
  // The form proposes the half year under way: the second once Q2 has ended (Asia/Shanghai).
  const secondHalf = program ? new Date() >= quarterEndsAt(program.year, 2) : false;
  const empty = isBank ? t("list.emptyBank") : area === "pbc" ? t("list.emptyPbc") : t("list.emptyFinance");

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={isBank ? t("bankIntro") : t("intro")} />
      {mayOpen &&
        (program ? (
          <section aria-labelledby="open-evaluation" className="space-y-3">
            <h2 id="open-evaluation" className="text-lg font-medium">
              {t("open.title")}
            </h2>
            <OpenEvaluationForm programId={program.id} year={program.year} defaultHalf={secondHalf ? 2 : 1} />
          </section>
        ) : (
          <EmptyState title={t("open.title")} body={t("noProgram")} />
        ))}
      <section aria-labelledby="evaluation-list" className="space-y-3">
        <h2 id="evaluation-list" className="text-lg font-medium">
          {t("list.title")}
        </h2>
        {evaluations.length === 0 ? (
          <EmptyState title={t("list.title")} body={empty} />
        ) : (
          <DataTable
            caption={t("list.title")}
            rows={evaluations}
            rowKey={(e) => e.id}
            columns={[
              {
                key: "period",
                header: t("columns.period"),
                rowHeader: true,
                className: "whitespace-nowrap",
                cell: (e) => (
                  <Link href={`/evaluations/${e.id}`} className="text-brand-700 underline">
                    {period(e.year, e.half)}
                  </Link>
                ),
              },
              {
                key: "status",
                header: t("columns.status"),
                cell: (e) => <Badge tone={e.status === "FINALISED" ? "ok" : "warn"}>{t(`status.${e.status}`)}</Badge>,
              },
              isBank
                ? {
                    key: "result",
                    header: t("columns.result"),
                    cell: (e) =>
                      e.mustRectify > 0 ? (
                        <Badge tone="danger">{t("list.ownRectify")}</Badge>
                      ) : (
                        <Badge tone="ok">{t("list.ownNoRectify")}</Badge>
                      ),
                  }
                : {
                    key: "progress",
                    header: t("columns.progress"),
                    className: "text-sm",
                    cell: (e) =>
                      e.status === "FINALISED"
                        ? t("list.rectifyCount", { count: e.mustRectify })
                        : t("list.progress", { pbc: e.pbcScored, finance: e.financeScored, banks: e.banks }),
                  },
              {
                key: "finalisedAt",
                header: t("columns.finalisedAt"),
                className: "whitespace-nowrap",
                cell: (e) => (e.finalisedAt ? formatDateTime(e.finalisedAt, resolveLocale(locale)) : "—"),
              },
            ]}
          />
        )}
      </section>
    </main>
  );
}
