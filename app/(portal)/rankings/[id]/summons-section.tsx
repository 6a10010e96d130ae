import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonLinkClass, linkClass } from "@/components/ui/link-styles";
import { Panel } from "@/components/ui/panel";
import { can } from "@/lib/auth/permissions";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { formatDate } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { db } from "@/lib/server/db";
import { listOverdueSummons } from "@/lib/summons/queries/list-overdue-summons";

/**
 * The bulletin's summons section: the rectification still overdue from earlier quarters'
 * summonses (the "next bulletin" names them), and for the finance office, once the
 * ranking is published, the way to open a summons after it.
 */
export async function SummonsSection({
  user,
  ranking,
}: {
  user: TActorSource;
  ranking: { id: string; programId: string; year: number; quarter: number; published: boolean };
}) {
  if (!can(user.role, "summons.read")) return null;
  const [t, locale, overdue] = await Promise.all([
    getTranslations("summons"),
    getLocale().then(resolveLocale),
    listOverdueSummons(db(), user, { programId: ranking.programId, year: ranking.year, quarter: ranking.quarter }),
  ]);
  const mayOpen = ranking.published && can(user.role, "summons.manage");
  return (
    <Panel title={t("rankingSection.title")} testId="ranking-summons">
      {mayOpen && (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">{t("rankingSection.hint")}</p>
          <Link href={`/summons/new?${new URLSearchParams({ rankingId: ranking.id })}`} className={`inline-block ${buttonLinkClass}`}>
            {t("rankingSection.open")}
          </Link>
        </div>
      )}
      <h3 className="mt-4 font-medium">{t("rankingSection.overdueTitle")}</h3>
      <p className="text-sm text-slate-600">{t("rankingSection.overdueHint")}</p>
      {overdue.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="ranking-overdue-empty">
          {t("rankingSection.overdueEmpty")}
        </p>
      ) : (
        <ul className="list-inside list-disc" data-testid="ranking-overdue">
          {overdue.map((o) => (
            <li key={o.id}>
              <Link href={`/summons/${o.id}`} className={linkClass}>
                {t("rankingSection.overdueRow", {
                  bank: o.bankName,
                  period: o.quarter ? t("period", { year: o.year, quarter: o.quarter }) : t("periodHalf", { year: o.year }),
                  due: formatDate(o.dueOn, locale),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
