import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/link-styles";
import { ListPage } from "@/components/ui/list-page";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { parsePageCursor } from "@/lib/pagination/keyset";
import { listVisits, type TVisitRow } from "@/lib/visits/queries/list-visits";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";

// The park visits (走访记录) the user may see, newest first: the park window's and the
// bank's own, every park's for the finance office and the central bank.
export default async function VisitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("visits.read");
  const params = await searchParams;
  const [t, locale, page] = await Promise.all([
    getTranslations("visits"),
    getLocale().then(resolveLocale),
    listVisits(db(), user, parsePageCursor(params)),
  ]);
  const mayRecord = can(user.role, "visits.record");
  return (
    <ListPage<TVisitRow>
      t={t}
      path="/visits"
      create={mayRecord && { href: "/visits/new", label: t("record") }}
      exportFile={can(user.role, "visits.export") && { href: "/visits/export", label: t("exportButton") }}
      empty={{ title: t("emptyTitle"), body: t("emptyBody") }}
      page={page}
      table={{
        testId: "visits-list",
        rowKey: (r) => r.id,
        rowTestId: () => "visit-row",
        columns: [
          {
            key: "date",
            header: t("columns.visitedOn"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/visits/${r.id}`} className={linkClass}>
                {formatDate(r.visitedOn, locale)}
              </Link>
            ),
          },
          { key: "park", header: t("columns.park"), onCard: true, cell: (r) => r.parkName },
          { key: "bank", header: t("columns.bank"), onCard: true, cell: (r) => r.bankName },
          {
            key: "leader",
            header: t("columns.leader"),
            onCard: true,
            cell: (r) => (
              <span className="flex flex-wrap items-center gap-2">
                {r.leaderName}
                {r.leaderMismatch && <Badge tone="warn">{t("flagged")}</Badge>}
              </span>
            ),
          },
          {
            key: "status",
            header: t("columns.status"),
            onCard: true,
            cell: (r) => <Badge tone={r.status === "CONFIRMED" ? "ok" : "info"}>{t(`statuses.${r.status}`)}</Badge>,
          },
          {
            key: "findings",
            header: t("columns.findings"),
            numeric: true,
            onCard: true,
            cell: (r) => t("findingsCount", { findings: r.findings, items: r.items }),
          },
        ],
      }}
    />
  );
}
