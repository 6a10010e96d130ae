import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { linkClass } from "@/components/ui/link-styles";
import { ListPage } from "@/components/ui/list-page";
import { LinkTabs } from "@/components/ui/link-tabs";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { parsePageCursor } from "@/lib/pagination/keyset";
import { listAssistancePlans, queueStatus, type TPlanRow } from "@/lib/plans/queries/list-assistance-plans";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PlanStatusBadge } from "./status-badge";

export const dynamic = "force-dynamic";

// The park assistance plans the user may see, newest change first; the park window and the
// finance office also get their review queue (the plans waiting for their decision).
export default async function PlansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("plans.read");
  const params = await searchParams;
  const reviews = queueStatus(user.role) !== null && (can(user.role, "plans.parkReview") || can(user.role, "plans.approve"));
  const queue = reviews && params.view === "queue";
  const [t, locale, page] = await Promise.all([
    getTranslations("plans"),
    getLocale().then(resolveLocale),
    listAssistancePlans(db(), user, parsePageCursor(params), { queue }),
  ]);
  const version = (n: number | null) => (n === null ? t("none") : t("versionValue", { number: n }));
  return (
    <ListPage<TPlanRow>
      t={t}
      path="/plans"
      query={queue ? "view=queue" : undefined}
      wide
      create={can(user.role, "plans.draft") && { href: "/plans/new", label: t("new") }}
      exportFile={{ href: "/plans/export", label: t("exportButton") }}
      above={
        reviews && (
          <LinkTabs
            label={t("tabs.label")}
            current={queue ? "queue" : "all"}
            tabs={[
              { key: "queue", label: t("tabs.queue"), href: "/plans?view=queue" },
              { key: "all", label: t("tabs.all"), href: "/plans" },
            ]}
          />
        )
      }
      empty={queue ? { title: t("emptyQueueTitle"), body: t("emptyQueueBody") } : { title: t("emptyTitle"), body: t("emptyBody") }}
      page={page}
      table={{
        testId: "plans-list",
        rowKey: (r) => r.id,
        rowTestId: () => "plan-row",
        columns: [
          {
            key: "park",
            header: t("columns.park"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/plans/${r.id}`} className={linkClass}>
                {r.parkName}
              </Link>
            ),
          },
          { key: "bank", header: t("columns.bank"), onCard: true, cell: (r) => r.bankName },
          { key: "year", header: t("columns.year"), numeric: true, onCard: true, cell: (r) => String(r.year) },
          { key: "status", header: t("columns.status"), onCard: true, cell: (r) => <PlanStatusBadge status={r.status} /> },
          { key: "version", header: t("columns.version"), onCard: true, cell: (r) => version(r.latestNumber) },
          { key: "approved", header: t("columns.approved"), onCard: true, cell: (r) => version(r.approvedNumber) },
          { key: "amount", header: t("columns.amount"), numeric: true, onCard: true, cell: (r) => formatWanYuan(r.amountFen, locale) },
          { key: "updatedAt", header: t("columns.updatedAt"), onCard: false, cell: (r) => formatDate(r.updatedAt, locale) },
        ],
      }}
    />
  );
}
