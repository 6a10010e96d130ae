import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkTabs } from "@/components/ui/link-tabs";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { maxPoints, type TRuleSetItem } from "@/lib/ranking/rules";
import { listRuleSets } from "@/lib/ranking/queries/list-rule-sets";
import { num, ruleInWords } from "@/lib/ranking/format";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { getLocale } from "next-intl/server";
import { RuleSetForm } from "./rule-set-form";
import { asTranslator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

const total = (rules: TRuleSetItem[] | null) => (rules ? Math.round(rules.reduce((s, r) => s + maxPoints(r.rule), 0) * 100) / 100 : null);

// ?period=YEAR: the annual assessment's rule set, versioned on its own; else the quarter's.
export default async function ScoringPage({ searchParams }: { searchParams: Promise<{ period?: string | string[] }> }) {
  await requirePermission("scoring.manage");
  const period = (await searchParams).period === "YEAR" ? "YEAR" : "QUARTER";
  const [t, ti, locale] = await Promise.all([getTranslations("ranking"), getTranslations("indicators"), getLocale()]);
  const program = await getCurrentProgram(db());
  const versions = program ? await listRuleSets(db(), program.id, period) : [];
  const current = versions[0] ?? null;
  const tr = asTranslator(t);

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("scoring.title")} intro={t("scoring.intro")} />
      {!program ? (
        <EmptyState title={t("scoring.title")} body={t("noProgram")} />
      ) : (
        <>
          <p className="text-slate-700">{t("programLine", { program: program.name })}</p>
          <LinkTabs
            label={t("scoring.periodTabs")}
            current={period}
            tabs={[
              { key: "QUARTER", label: t("scoring.periodQuarter"), href: "/scoring" },
              { key: "YEAR", label: t("scoring.periodYear"), href: "/scoring?period=YEAR" },
            ]}
          />
          <section aria-labelledby="current-rules" className="space-y-3">
            <h2 id="current-rules" className="text-lg font-medium">
              {current ? t("scoring.current", { name: current.name, version: current.version }) : t("scoring.none")}
            </h2>
            {current && !current.rules && (
              <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
                {t("scoring.invalidStored")}
              </p>
            )}
            {current?.rules && (
              <DataTable
                caption={t("scoring.current", { name: current.name, version: current.version })}
                rows={current.rules}
                rowKey={(item) => item.indicator}
                columns={[
                  {
                    key: "indicator",
                    header: t("columns.indicator"),
                    rowHeader: true,
                    className: "whitespace-nowrap",
                    cell: (item) => ti(`${item.indicator}.label`),
                  },
                  {
                    key: "definition",
                    header: t("columns.definition"),
                    className: "max-w-md text-slate-700",
                    onCard: false,
                    cell: (item) => ti(`${item.indicator}.definition`),
                  },
                  {
                    key: "kind",
                    header: t("columns.kind"),
                    className: "whitespace-nowrap",
                    cell: (item) => t(`kinds.${item.rule.kind}`),
                  },
                  { key: "rule", header: t("columns.rule"), cell: (item) => ruleInWords(item.indicator, item.rule, tr) },
                  {
                    key: "maxPoints",
                    header: t("columns.maxPoints"),
                    className: "tabular-nums",
                    cell: (item) => num(maxPoints(item.rule)),
                  },
                ]}
                footer={{ label: t("scoring.total"), cells: { maxPoints: num(total(current.rules) ?? 0) } }}
              />
            )}
          </section>

          <RuleSetForm
            key={period}
            programId={program.id}
            period={period}
            version={current?.version ?? 0}
            name={current?.name ?? ""}
            rules={current?.rules ?? []}
          />

          {versions.length > 0 && (
            <section aria-labelledby="rule-versions" className="space-y-3">
              <h2 id="rule-versions" className="text-lg font-medium">
                {t("scoring.historyTitle")}
              </h2>
              <DataTable
                caption={t("scoring.historyTitle")}
                rows={versions}
                rowKey={(v) => v.id}
                rowTestId={(v) => `rule-set-version-${v.version}`}
                columns={[
                  {
                    key: "version",
                    header: t("columns.version"),
                    rowHeader: true,
                    className: "whitespace-nowrap",
                    cell: (v) => t("versionLabel", { version: v.version }),
                  },
                  { key: "name", header: t("columns.name"), cell: (v) => v.name },
                  {
                    key: "createdAt",
                    header: t("columns.createdAt"),
                    className: "whitespace-nowrap",
                    cell: (v) => formatDateTime(v.createdAt, resolveLocale(locale)),
                  },
                  { key: "createdBy", header: t("columns.createdBy"), onCard: false, cell: (v) => v.createdByName ?? "—" },
                  {
                    key: "totalPoints",
                    header: t("columns.totalPoints"),
                    className: "tabular-nums",
                    cell: (v) => (v.rules ? num(total(v.rules) ?? 0) : "—"),
                  },
                  {
                    key: "inUse",
                    header: t("columns.inUse"),
                    className: "tabular-nums",
                    cell: (v) => t("scoring.inUseCount", { n: v.rankingCount }),
                  },
                ]}
              />
            </section>
          )}
        </>
      )}
    </main>
  );
}
