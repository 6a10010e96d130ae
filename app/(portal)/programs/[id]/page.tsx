import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DetailList } from "@/components/ui/detail-list";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";
import { getProgram } from "@/lib/programs/queries/list-programs";
import { RULE_KEYS, changedRules, phaseAt, toDraft, type TPhaseDates, type TProgramRules, type TRuleKey } from "@/lib/programs/rules";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { day } from "../format";
import { ChangeRulesForm, EditProgramForm } from "./program-forms";

export const dynamic = "force-dynamic";

const UNIT: Record<TRuleKey, "unitWorkingDays" | "unitDays" | "unitBanks" | "unitMonth" | "unitDayOfMonth" | "unitOffice"> = {
  replyDeadlineDays: "unitWorkingDays",
  parkReviewDeadlineDays: "unitWorkingDays",
  escalateAfterDays: "unitWorkingDays",
  bulletinAfterRemindDays: "unitWorkingDays",
  quarterlyWindowDays: "unitWorkingDays",
  renewalLeadDays: "unitDays",
  bottomListSize: "unitBanks",
  autoCloseUnratedDays: "unitWorkingDays",
  supplementDeadlineDays: "unitWorkingDays",
  supportReportStartMonth: "unitMonth",
  supportReportDueDay: "unitDayOfMonth",
  supportReviewOffice: "unitOffice",
};

export default async function ProgramPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("programs.manage");
  const { id } = await params;
  const program = await getProgram(db(), id);
  if (!program) notFound();
  const [t, format] = await Promise.all([getTranslations("programs"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const ruleValue = (rules: TProgramRules, key: TRuleKey) => t(`rules.${UNIT[key]}`, { n: rules[key] });
  const current = program.ruleVersions[0] ?? null;
  const phaseNow = phaseAt(program.phases, new Date());
  const phases = Object.fromEntries(
    program.phases.map((p) => [p.kind, { startsOn: day(p.startsOn), endsOn: day(p.endsOn) }]),
  ) as TPhaseDates;
  const draft = toDraft({ ...program, phases });
  const editInitial = Object.fromEntries(
    [
      "name",
      "docNumber",
      "leadUnits",
      "description",
      ...Object.keys(draft).filter((k) => k.endsWith("StartsOn") || k.endsWith("EndsOn")),
    ].map((k) => [k, typeof draft[k] === "string" ? (draft[k] as string) : ""]),
  );
  const rulesInitial = current ? Object.fromEntries(RULE_KEYS.map((k) => [k, String(current[k])])) : {};

  // Each rule version with the rules it changed from the one before (the list is newest first).
  const versions = program.ruleVersions.map((v, i) => {
    const previous = program.ruleVersions[i + 1];
    return { v, changed: previous ? changedRules(previous, v) : [] };
  });

  return (
    <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/programs" label={t("backToList")} />
      <PageHeader title={program.name} />

      <section aria-labelledby="program-details" className="space-y-3">
        <h2 id="program-details" className="text-lg font-medium">
          {t("detail.sectionDetails")}
        </h2>
        <DetailList
          rows={[
            [t("columns.docNumber"), program.docNumber],
            [t("columns.level"), t(`levels.${program.level}`)],
            [t("columns.year"), t("yearValue", { year: program.year })],
            [t("detail.status"), program.active ? t("active") : t("inactive")],
            [t("detail.leadUnits"), program.leadUnits.join("、")],
            [t("detail.currentPhase"), phaseNow ? t(`phases.${phaseNow}`) : t("detail.noCurrentPhase")],
            [t("detail.description"), program.description ?? t("none")],
            [t("detail.updatedAt"), when(program.updatedAt)],
          ]}
        />
      </section>

      <section aria-labelledby="program-phases" className="space-y-3">
        <h2 id="program-phases" className="text-lg font-medium">
          {t("detail.sectionPhases")}
        </h2>
        <DetailList
          rows={program.phases.map((p) => [t(`phases.${p.kind}`), t("phaseRange", { from: day(p.startsOn), to: day(p.endsOn) })] as const)}
        />
      </section>

      <section aria-labelledby="program-rules" className="space-y-3">
        <h2 id="program-rules" className="text-lg font-medium">
          {current ? t("detail.sectionRules", { version: current.version }) : t("detail.noRules")}
        </h2>
        <p role="note" className="rounded bg-slate-100 px-3 py-2 text-slate-700">
          {t("detail.rulesNote")}
        </p>
        {current && <DetailList rows={RULE_KEYS.map((k) => [t(`rules.${k}`), ruleValue(current, k)] as const)} />}
      </section>

      <EditProgramForm programId={program.id} initial={editInitial} />
      <ChangeRulesForm programId={program.id} version={current?.version ?? 0} initial={rulesInitial} />

      <section aria-labelledby="rule-history" className="space-y-3">
        <h2 id="rule-history" className="text-lg font-medium">
          {t("history.title")}
        </h2>
        <DataTable
          caption={t("history.title")}
          rows={versions}
          rowKey={({ v }) => v.id}
          rowTestId={({ v }) => `rule-version-${v.version}`}
          columns={[
            {
              key: "version",
              header: t("history.version"),
              rowHeader: true,
              className: "whitespace-nowrap text-slate-900",
              cell: ({ v }) => t("versionLabel", { version: v.version }),
            },
            {
              key: "effectiveFrom",
              header: t("history.effectiveFrom"),
              className: "whitespace-nowrap",
              cell: ({ v }) => when(v.effectiveFrom),
            },
            {
              key: "createdBy",
              header: t("history.createdBy"),
              onCard: false,
              cell: ({ v }) => (v.createdBy ? `${v.createdBy.name}（${v.createdBy.orgName}）` : t("history.unknownUser")),
            },
            ...RULE_KEYS.map((k): TColumn<(typeof versions)[number]> => ({
              key: k,
              header: t(`rules.${k}`),
              className: "whitespace-nowrap tabular-nums",
              // A rule that changed from the version before is set in bold and named so for screen readers.
              cell: ({ v, changed }) => (
                <span className={changed.includes(k) ? "font-semibold text-brand-900" : ""}>
                  {ruleValue(v, k)}
                  {changed.includes(k) && <span className="sr-only">{t("history.changedMark")}</span>}
                </span>
              ),
            })),
          ]}
        />
      </section>
    </main>
  );
}
