import { useTranslations } from "next-intl";
import { PROGRESS_STEPS, type TProgress, type TStepState } from "@/lib/dashboard/enterprise-progress";

const MARKER: Record<TStepState, { className: string; symbol: string }> = {
  done: { className: "bg-brand-600 text-white", symbol: "✓" },
  current: { className: "border-2 border-brand-700 bg-white text-brand-700", symbol: "●" },
  todo: { className: "border border-slate-400 bg-white text-slate-500", symbol: "○" },
  skipped: { className: "border border-dashed border-slate-400 bg-slate-50 text-slate-500", symbol: "–" },
};

const LABEL: Record<TStepState, string> = {
  done: "text-slate-800",
  current: "font-semibold text-slate-900 underline underline-offset-4",
  todo: "text-slate-600",
  skipped: "text-slate-500 line-through",
};

/**
 * An item's way through the workflow: submitted → forwarded → signed → answered → rated
 * (`progress` from progressOf). An ordered list; the step the item is at is
 * aria-current="step" — none once the item ended, which the line under it says. Each step
 * also says its state in words and in its marker's shape (✓ done, ● current, ○ not yet,
 * – skipped), never by colour alone.
 */
export function ProgressTracker({ progress }: { progress: TProgress }) {
  const t = useTranslations("dashboardEnterprise.progress");
  return (
    <div className="space-y-1">
      <ol aria-label={t("label")} className="grid grid-cols-5 gap-1 text-center text-xs">
        {PROGRESS_STEPS.map((step, i) => {
          const state = progress.steps[i] ?? "todo";
          return (
            <li
              key={step}
              aria-current={state === "current" ? "step" : undefined}
              data-state={state}
              className="flex min-w-0 flex-col items-center gap-1"
            >
              <span aria-hidden="true" className={`flex h-6 w-6 items-center justify-center rounded-full ${MARKER[state].className}`}>
                {MARKER[state].symbol}
              </span>
              <span className={LABEL[state]}>{t(`steps.${step}`)}</span>
              <span className={state === "current" ? "text-brand-700" : "sr-only"}>{t(state)}</span>
            </li>
          );
        })}
      </ol>
      {progress.ended && <p className="text-center text-xs text-slate-700">{t(`ended.${progress.ended}`)}</p>}
    </div>
  );
}
