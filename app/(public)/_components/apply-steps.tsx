import { getTranslations } from "next-intl/server";

const STEPS = ["register", "approve", "submit", "forward", "answer", "rate"] as const;

/** How to apply: register → park approves → submit → park forwards → bank answers in time → rate. */
export async function ApplySteps() {
  const t = await getTranslations("portal.apply");
  return (
    <section id="apply" aria-labelledby="apply-heading" className="scroll-mt-4 space-y-4">
      <div className="space-y-1">
        <h2 id="apply-heading" className="text-xl font-semibold sm:text-2xl">
          {t("heading")}
        </h2>
        <p className="max-w-prose text-slate-700">{t("intro")}</p>
      </div>
      <ol className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {STEPS.map((step, i) => (
          <li key={step} className="flex gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <span
              aria-hidden="true"
              className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand-700 font-semibold text-white"
            >
              {i + 1}
            </span>
            <div>
              <h3 className="font-semibold text-slate-900">{t(`steps.${step}.title`)}</h3>
              <p className="mt-1 text-slate-700">{t(`steps.${step}.body`)}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
