import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getCurrentProgram } from "@/lib/programs/queries/current-program";
import { maxPoints, type TRuleSetItem } from "@/lib/ranking/rules";
import { listRuleSets } from "@/lib/ranking/queries/rule-sets";
import { num, ruleInWords } from "@/lib/ranking/queries/ranking-format";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { getLocale } from "next-intl/server";
import { PortalFrame } from "../portal-frame";
import { RuleSetForm } from "./rule-set-form";
import { asTranslator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

const total = (rules: TRuleSetItem[] | null) => (rules ? Math.round(rules.reduce((s, r) => s + maxPoints(r.rule), 0) * 100) / 100 : null);

export default async function ScoringPage() {
  const user = await requirePermission("scoring.manage");
  const [t, ti, locale] = await Promise.all([getTranslations("ranking"), getTranslations("indicators"), getLocale()]);
  const program = await getCurrentProgram(db());
  const versions = program ? await listRuleSets(db(), program.id) : [];
  const current = versions[0] ?? null;
  const tr = asTranslator(t);

  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <h1 className="text-2xl font-semibold">{t("scoring.title")}</h1>
        <p className="max-w-prose text-slate-700">{t("scoring.intro")}</p>
        {!program ? (
          <EmptyState title={t("scoring.title")} body={t("noProgram")} />
        ) : (
          <>
            <p className="text-slate-700">{t("programLine", { program: program.name })}</p>
            <section aria-labelledby="current-rules" className="space-y-3">
              <h2 id="current-rules" className="text-lg font-medium">
                {current ? t("scoring.current", { name: current.name, version: current.version }) : t("scoring.none")}
              </h2>
              {current && !current.rules && (
                <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-amber-900">{t("scoring.invalidStored")}</p>
              )}
              {current?.rules && (
                <Table caption={t("scoring.current", { name: current.name, version: current.version })} head={[t("columns.indicator"), t("columns.definition"), t("columns.kind"), t("columns.rule"), t("columns.maxPoints")]}>
                  {current.rules.map((item) => (
                    <tr key={item.indicator}>
                      <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">{ti(`${item.indicator}.label`)}</th>
                      <td className="max-w-md px-3 py-2 text-slate-700">{ti(`${item.indicator}.definition`)}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{t(`kinds.${item.rule.kind}`)}</td>
                      <td className="px-3 py-2">{ruleInWords(item.indicator, item.rule, tr)}</td>
                      <td className="px-3 py-2 tabular-nums">{num(maxPoints(item.rule))}</td>
                    </tr>
                  ))}
                  <tr className="bg-slate-50 font-medium">
                    <th scope="row" colSpan={4} className="px-3 py-2 text-right">{t("scoring.total")}</th>
                    <td className="px-3 py-2 tabular-nums">{num(total(current.rules) ?? 0)}</td>
                  </tr>
                </Table>
              )}
            </section>

            <RuleSetForm
              programId={program.id}
              version={current?.version ?? 0}
              name={current?.name ?? ""}
              rules={current?.rules ?? []}
            />

            {versions.length > 0 && (
              <section aria-labelledby="rule-versions" className="space-y-3">
                <h2 id="rule-versions" className="text-lg font-medium">{t("scoring.historyTitle")}</h2>
                <Table caption={t("scoring.historyTitle")} head={[t("columns.version"), t("columns.name"), t("columns.createdAt"), t("columns.createdBy"), t("columns.totalPoints"), t("columns.inUse")]}>
                  {versions.map((v) => (
                    <tr key={v.id} data-testid={`rule-set-version-${v.version}`}>
                      <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">{t("versionLabel", { version: v.version })}</th>
                      <td className="px-3 py-2">{v.name}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(v.createdAt, resolveLocale(locale))}</td>
                      <td className="px-3 py-2">{v.createdByName ?? "—"}</td>
                      <td className="px-3 py-2 tabular-nums">{v.rules ? num(total(v.rules) ?? 0) : "—"}</td>
                      <td className="px-3 py-2 tabular-nums">{t("scoring.inUseCount", { n: v.rankingCount })}</td>
                    </tr>
                  ))}
                </Table>
              </section>
            )}
          </>
        )}
      </main>
    </PortalFrame>
  );
}
