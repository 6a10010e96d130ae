import { useTranslations } from "next-intl";
import { PROGRESS_STEPS } from "@/lib/dashboard/enterprise-progress";

/**
 * An item's way through the workflow: submitted → forwarded → signed → answered → rated.
 * `reached` is the index of the last step reached (−1: none yet; see progressIndex). An
 * ordered list; the step reached is aria-current="step". Each step also says its state in
 * words and in its marker's shape (✓ done, ● current, ○ not yet), never by colour alone.
 */
export function ProgressTracker({ reached }: { reached: number }) {
  const t = useTranslations("dashboardEnterprise.progress");
  return (
    <ol aria-label={t("label")} className="grid grid-cols-5 gap-1 text-center text-xs">
      {PROGRESS_STEPS.map((step, i) => {
        const state = i < reached ? "done" : i === reached ? "current" : "todo";
        return (
          <li key={step} aria-current={state === "current" ? "step" : undefined} className="flex min-w-0 flex-col items-center gap-1">
            <span
              aria-hidden="true"
              className={
                state === "done"
                  ? "flex h-6 w-6 items-center justify-center rounded-full bg-brand-600 text-white"
                  : state === "current"
                    ? "flex h-6 w-6 items-center justify-center rounded-full border-2 border-brand-700 bg-white text-brand-700"
                    : "flex h-6 w-6 items-center justify-center rounded-full border border-slate-400 bg-white text-slate-500"
              }
            >
              {state === "done" ? "✓" : state === "current" ? "●" : "○"}
            </span>
            <span
              className={
                state === "current"
                  ? "font-semibold text-slate-900 underline underline-offset-4"
                  : state === "done"
                    ? "text-slate-800"
                    : "text-slate-600"
              }
            >
              {t(`steps.${step}`)}
            </span>
            <span className={state === "current" ? "text-brand-700" : "sr-only"}>{t(state)}</span>
          </li>
        );
      })}
    </ol>
  );
}
