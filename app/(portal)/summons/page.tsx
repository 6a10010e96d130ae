import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { DownloadLink } from "@/components/ui/download-link";
import { linkClass, secondaryLinkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { areaOfRole } from "@/lib/auth/areas";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { cappedCountParams, cursorParam, parsePageCursor } from "@/lib/pagination/keyset";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { listSummons } from "@/lib/summons/queries/list-summons";
import { SummonsStatusBadge } from "./status-badge";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

// Every summons the user may see, newest first: the finance office's and the central
// bank's all, a bank its own. A summons is opened from a published bulletin's page.
export default async function SummonsListPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePermission("summons.read");
  const cursor = parsePageCursor(await searchParams);
  const [t, locale, list] = await Promise.all([
    getTranslations("summons"),
    getLocale().then(resolveLocale),
    listSummons(db(), user, cursor),
  ]);
  const area = areaOfRole(user.role);
  const emptyBody = area === "finance" ? t("list.emptyFinance") : area === "pbc" ? t("list.emptyPbc") : t("list.emptyBank");
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader
        title={t("list.title")}
        intro={area === "bank" ? t("list.introBank") : t("list.intro")}
        actions={
          list.rows.length > 0 ? (
            <DownloadLink href="/summons/export" className={secondaryLinkClass}>
              {t("export.download")}
            </DownloadLink>
          ) : undefined
        }
      />
      {list.rows.length === 0 ? (
        <EmptyState title={t("list.emptyTitle")} body={emptyBody} />
      ) : (
        <>
          <DataTable
            caption={t("list.title")}
            rows={list.rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `summons-row-${r.id}`}
            columns={[
              {
                key: "bank",
                header: t("columns.bank"),
                rowHeader: true,
                cell: (r) => (
                  <Link href={`/summons/${r.id}`} className={linkClass}>
                    {r.bankName}
                  </Link>
                ),
              },
              {
                key: "period",
                header: t("columns.period"),
                className: "whitespace-nowrap",
                cell: (r) => (r.quarter ? t("period", { year: r.year, quarter: r.quarter }) : t("periodHalf", { year: r.year })),
              },
              { key: "heldOn", header: t("columns.heldOn"), className: "whitespace-nowrap", cell: (r) => formatDate(r.heldOn, locale) },
              { key: "dueOn", header: t("columns.dueOn"), className: "whitespace-nowrap", cell: (r) => formatDate(r.dueOn, locale) },
              { key: "status", header: t("columns.status"), cell: (r) => <SummonsStatusBadge status={r.status} overdue={r.overdue} /> },
              {
                key: "cosigned",
                header: t("columns.cosigned"),
                className: "whitespace-nowrap",
                onCard: false,
                cell: (r) => (r.cosigned ? t("cosigned.yes") : t("cosigned.no")),
              },
            ]}
          />
          <KeysetPager
            previous={list.previous}
            next={list.next}
            hrefFor={(c) => `/summons?${new URLSearchParams([[cursorParam(c.direction), c.token]])}`}
            labels={{
              nav: t("list.pagination"),
              summary: t("list.total", cappedCountParams(list.total)),
              previous: t("list.previous"),
              next: t("list.next"),
            }}
          />
        </>
      )}
    </main>
  );
}
