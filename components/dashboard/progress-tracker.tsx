import { useTranslations } from "next-intl";
import { PROGRESS_STEPS, type TProgress } from "@/lib/dashboard/enterprise-progress";

/**
 * An item's way through the workflow: submitted → forwarded → signed → answered → rated
 * (`progress` from progressOf). An ordered list; the step the item is at is
 * aria-current="step" — none once the item ended, which the line under it says. Each step
 * also says its state in words and in its marker's shape (✓ done, ● current, ○ not yet,
 * – skipped), never by colour alone. The marker is drawn by the stylesheet from data-state
 * (.progress-tracker in app/globals.css): a dashboard shows a tracker per item, and each
 * element here is paid for twice per view, in the HTML and in the React payload.
 */
export function ProgressTracker({ progress }: { progress: TProgress }) {
  const t = useTranslations("dashboardEnterprise.progress");
  return (
    <div className="space-y-1">
      <ol aria-label={t("label")} className="progress-tracker">
        {PROGRESS_STEPS.map((step, i) => {
          const state = progress.steps[i] ?? "todo";
          return (
            <li key={step} data-state={state} aria-current={state === "current" ? "step" : undefined}>
              {t(`steps.${step}`)}
              <span className={state === "current" ? "text-brand-700" : "sr-only"}>{t(state)}</span>
            </li>
          );
        })}
      </ol>
      {progress.ended && <p className="text-center text-xs text-slate-700">{t(`ended.${progress.ended}`)}</p>}
    </div>
  );
}
