import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/link-styles";
import { ListPage } from "@/components/ui/list-page";
import { can } from "@/lib/auth/permissions";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { parsePageCursor } from "@/lib/pagination/keyset";
import { listQuestionnaires, type TQuestionnaireRow } from "@/lib/questionnaires/queries/list-questionnaires";
import { responseRate, shownStatus } from "@/lib/questionnaires/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { statusTone } from "./status-tone";

export const dynamic = "force-dynamic";

const day = (d: Date) => d.toISOString().slice(0, 10);

// The quarterly financing-monitoring questionnaires, newest first, with each one's
// response rate (answers against the enterprises targeted when it was opened).
export default async function QuestionnairesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("questionnaires.read");
  const params = await searchParams;
  const [t, locale, page] = await Promise.all([
    getTranslations("questionnaires"),
    getLocale().then(resolveLocale),
    listQuestionnaires(db(), user, parsePageCursor(params)),
  ]);
  const today = shanghaiDateString(new Date());
  const shown = (r: TQuestionnaireRow) => shownStatus(r.status, day(r.opensOn), day(r.closesOn), today);
  return (
    <ListPage<TQuestionnaireRow>
      t={t}
      path="/questionnaires"
      create={can(user.role, "questionnaires.manage") && { href: "/questionnaires/new", label: t("new") }}
      empty={{ title: t("title"), body: t("empty") }}
      page={page}
      table={{
        caption: t("listCaption"),
        testId: "questionnaire-list",
        rowKey: (r) => r.id,
        rowTestId: () => "questionnaire-row",
        columns: [
          {
            key: "title",
            header: t("columns.title"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/questionnaires/${r.id}`} className={linkClass}>
                {r.title}
              </Link>
            ),
          },
          {
            key: "period",
            header: t("columns.period"),
            onCard: true,
            cell: (r) => t("periodLabel", { year: r.year, quarter: r.quarter }),
          },
          {
            key: "status",
            header: t("columns.status"),
            onCard: true,
            cell: (r) => <Badge tone={statusTone(shown(r))}>{t(`statuses.${shown(r)}`)}</Badge>,
          },
          {
            key: "window",
            header: t("columns.window"),
            onCard: true,
            cell: (r) => t("windowLabel", { opens: formatDate(r.opensOn, locale), closes: formatDate(r.closesOn, locale) }),
          },
          {
            key: "responses",
            header: t("columns.responses"),
            numeric: true,
            onCard: true,
            cell: (r) => (r.status === "DRAFT" ? "—" : `${r.answered} / ${r.targeted}`),
          },
          {
            key: "rate",
            header: t("columns.rate"),
            numeric: true,
            onCard: true,
            cell: (r) => {
              const rate = r.status === "DRAFT" ? null : responseRate(r.answered, r.targeted);
              return rate === null ? "—" : `${rate.toFixed(2)}%`;
            },
          },
        ],
      }}
    />
  );
}
