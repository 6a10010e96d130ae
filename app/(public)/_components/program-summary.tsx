import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { formatDate } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import type { TCurrentProgram } from "@/lib/programs/queries/get-current-program";

/** Phase dates are UTC midnights of the day: their ISO date is the day itself. */
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** What the current program is: name, 文号, lead units, phases (with the current one) and its key rules. */
export async function ProgramSummary({ program, locale, now }: { program: TCurrentProgram | null; locale: TLocale; now: Date }) {
  const t = await getTranslations("portal.program");
  if (!program) {
    return (
      <section aria-labelledby="program-heading" className="space-y-3">
        <h2 id="program-heading" className="text-xl font-semibold sm:text-2xl">
          {t("heading")}
        </h2>
        <p className="text-slate-700">{t("none")}</p>
      </section>
    );
  }
  const today = shanghaiDateString(now);
  const rules = program.rules;
  return (
    <section aria-labelledby="program-heading" className="space-y-4">
      <h2 id="program-heading" className="text-xl font-semibold sm:text-2xl">
        {t("heading")}
      </h2>
      <article aria-labelledby="program-name" className="space-y-5 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <h3 id="program-name" className="text-lg font-semibold leading-8 text-brand-900 sm:text-xl">
          {program.name}
        </h3>
        <dl className="grid grid-cols-1 gap-x-8 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t("docNumber")}</dt>
          <dd className="font-medium text-slate-900">{program.docNumber}</dd>
          <dt className="text-slate-600">{t("year")}</dt>
          <dd className="text-slate-900">{t("yearValue", { year: program.year })}</dd>
          <dt className="text-slate-600">{t("leadUnits")}</dt>
          <dd className="text-slate-900">
            <ul>
              {program.leadUnits.map((unit) => (
                <li key={unit}>{unit}</li>
              ))}
            </ul>
          </dd>
        </dl>
        {program.phases.length > 0 && (
          <div className="space-y-2">
            <h4 className="font-semibold text-slate-900">{t("phasesTitle")}</h4>
            <ol className="grid grid-cols-1 gap-3 sm:grid-cols-3">
              {program.phases.map((phase) => {
                const current = dayOf(phase.startsOn) <= today && today <= dayOf(phase.endsOn);
                return (
                  <li
                    key={phase.kind}
                    aria-current={current ? "step" : undefined}
                    className={`rounded-md p-3 ring-1 ${current ? "bg-brand-50 ring-brand-600" : "bg-slate-50 ring-slate-200"}`}
                  >
                    <p className="font-medium text-slate-900">
                      {t(`phase.${phase.kind}`)}
                      {current && <span className="ml-1 text-sm font-normal text-brand-700">{t("current")}</span>}
                    </p>
                    <p className="text-sm text-slate-700">
                      {t("phaseDates", { from: formatDate(phase.startsOn, locale), to: formatDate(phase.endsOn, locale) })}
                    </p>
                  </li>
                );
              })}
            </ol>
          </div>
        )}
        {rules && (
          <div className="space-y-2">
            <h4 className="font-semibold text-slate-900">{t("rulesTitle")}</h4>
            <ul className="list-disc space-y-1 pl-5 text-slate-800">
              <li>{t("replyDeadline", { days: rules.replyDeadlineDays })}</li>
              <li>{t("quarterly", { days: rules.quarterlyWindowDays })}</li>
              <li>{t("bottom", { count: rules.bottomListSize })}</li>
            </ul>
          </div>
        )}
        <p>
          <Link href="/documents" className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
            {t("readDocuments")}
          </Link>
        </p>
      </article>
    </section>
  );
}
