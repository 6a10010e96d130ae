import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/link-styles";
import { ListPage } from "@/components/ui/list-page";
import { can } from "@/lib/auth/permissions";
import { listKeyLists, type TKeyListRow } from "@/lib/key-lists/queries/list-key-lists";
import { parsePageCursor } from "@/lib/pagination/keyset";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { CoverageFigure } from "./coverage-cells";
import { STATUS_TONE } from "./status-tone";

export const dynamic = "force-dynamic";

// The key-enterprise lists (重点企业名单) the user may see, newest year first, each with
// its coverage: every list for the offices, the lists handed to it for a bank.
export default async function KeyListsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("keyLists.read");
  const params = await searchParams;
  const [t, page] = await Promise.all([getTranslations("keyLists"), listKeyLists(db(), user, parsePageCursor(params))]);
  return (
    <ListPage<TKeyListRow>
      t={t}
      path="/key-lists"
      create={can(user.role, "keyLists.manage") && { href: "/key-lists/new", label: t("create") }}
      empty={{ title: t("emptyTitle"), body: t("emptyBody") }}
      page={page}
      table={{
        testId: "key-lists",
        rowKey: (r) => r.id,
        rowTestId: () => "key-list-row",
        columns: [
          {
            key: "name",
            header: t("columns.name"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/key-lists/${r.id}`} className={linkClass}>
                {r.name}
              </Link>
            ),
          },
          { key: "year", header: t("columns.year"), onCard: true, cell: (r) => r.year },
          { key: "source", header: t("columns.source"), onCard: true, cell: (r) => r.sourceTag ?? t("imported") },
          {
            key: "status",
            header: t("columns.status"),
            onCard: true,
            cell: (r) => <Badge tone={STATUS_TONE[r.status]}>{t(`statuses.${r.status}`)}</Badge>,
          },
          {
            key: "coverage",
            header: t("columns.coverage"),
            numeric: true,
            onCard: true,
            cell: (r) => <CoverageFigure coverage={r.coverage} />,
          },
        ],
      }}
    />
  );
}
