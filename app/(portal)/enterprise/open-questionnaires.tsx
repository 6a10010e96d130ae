import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonLinkClass } from "@/components/ui/link-styles";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { listOpenQuestionnaires } from "@/lib/questionnaires/queries/list-open-questionnaires";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { db } from "@/lib/server/db";

/** The questionnaires the enterprise may answer now: nothing when there is none. */
export async function OpenQuestionnaires({ user }: { user: TActorSource }) {
  const [t, locale, open] = await Promise.all([
    getTranslations("questionnaires"),
    getLocale().then(resolveLocale),
    listOpenQuestionnaires(db(), user),
  ]);
  if (open.length === 0) return null;
  return (
    <section
      aria-labelledby="questionnaires-title"
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="open-questionnaires"
    >
      <h2 id="questionnaires-title" className="text-lg font-medium">
        {t("dashboard.title")}
      </h2>
      <ul className="space-y-3">
        {open.map((q) => (
          <li key={q.id} className="flex flex-wrap items-center justify-between gap-3">
            <span>
              <span className="font-medium">{q.title}</span>{" "}
              <span className="text-sm text-slate-600">{t("dashboard.closes", { date: formatDate(q.closesOn, locale) })}</span>
            </span>
            {q.answered ? (
              <Badge tone="ok">{t("dashboard.answered")}</Badge>
            ) : (
              <Link href={`/questionnaires/${q.id}/answer`} className={buttonLinkClass} aria-label={`${t("dashboard.answer")}：${q.title}`}>
                {t("dashboard.answer")}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
