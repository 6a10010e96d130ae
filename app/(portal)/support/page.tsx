import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { linkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { parsePageCursor, type TPageCursor } from "@/lib/pagination/keyset";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { listSupportPairings } from "@/lib/support/queries/list-support-pairings";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { SupportTabs } from "./support-tabs";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

// The year's 1+1 pairings (一对一帮扶) with their support file and assessment: a bank sees its
// own, the offices every one. Each opens the pairing's file and monthly reports.
export default async function SupportPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("support.read");
  const params = await searchParams;
  const [t, program, ctx] = await Promise.all([getTranslations("support"), getCurrentProgram(db()), loadScopeContext(db(), user)]);
  const page = program
    ? await listSupportPairings(db(), user, ctx, { programId: program.id, year: program.year }, parsePageCursor(params))
    : null;
  const hrefFor = (c: TPageCursor) => `/support?${c.direction}=${encodeURIComponent(c.token)}`;
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={program ? t("intro", { year: program.year }) : undefined} />
      <SupportTabs current="pairings" />
      {!page || page.rows.length === 0 ? (
        <EmptyState title={t("pairings.emptyTitle")} body={t("pairings.emptyBody")} />
      ) : (
        <>
          <DataTable
            caption={t("pairings.caption")}
            testId="support-pairings"
            rows={page.rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: "enterprise",
                header: t("columns.enterprise"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/support/${r.id}`} className={linkClass}>
                    {r.enterpriseName}
                  </Link>
                ),
              },
              { key: "bank", header: t("columns.bank"), cell: (r) => r.bankName, onCard: true },
              {
                key: "class",
                header: t("columns.class"),
                cell: (r) => (r.supportClass ? t(`classes.${r.supportClass}`) : "—"),
                onCard: true,
              },
              { key: "manager", header: t("columns.manager"), cell: (r) => r.accountManagerName },
              {
                key: "file",
                header: t("columns.file"),
                cell: (r) => <Badge tone={r.hasFile ? "ok" : "warn"}>{r.hasFile ? t("pairings.hasFile") : t("pairings.noFile")}</Badge>,
                onCard: true,
              },
              {
                key: "assessment",
                header: t("columns.assessment"),
                cell: (r) => (r.assessment ? `${r.assessment.totalScore} · ${t(`verdicts.${r.assessment.verdict}`)}` : "—"),
              },
            ]}
          />
          <KeysetPager
            previous={page.previous}
            next={page.next}
            hrefFor={hrefFor}
            labels={{ nav: t("pager.nav"), previous: t("pager.previous"), next: t("pager.next") }}
          />
        </>
      )}
    </main>
  );
}
