import { useTranslations } from "next-intl";
import { PROGRESS_STEPS } from "@/lib/dashboard/enterprise-progress";

/**
 * An item's way through the workflow: submitted → forwarded → signed → answered → rated.
 * `reached` is the index of the last step reached (−1: none yet; see progressIndex). An
 * ordered list; the step reached is aria-current="step". Each step also says its state in
 * words and in its marker's shape (✓ done, ● current, ○ not yet), never by colour alone.
 * The marker is drawn by the stylesheet from data-state (.progress-tracker in
 * app/globals.css): a dashboard shows a tracker per item, and each element here is paid for
 * twice per view, in the HTML and in the React payload.
 */
export function ProgressTracker({ reached }: { reached: number }) {
  const t = useTranslations("dashboardEnterprise.progress");
  return (
    <ol aria-label={t("label")} className="progress-tracker">
      {PROGRESS_STEPS.map((step, i) => {
        const state = i < reached ? "done" : i === reached ? "current" : "todo";
        return (
          <li key={step} data-state={state} aria-current={state === "current" ? "step" : undefined}>
            {t(`steps.${step}`)}
            <span className={state === "current" ? "text-brand-700" : "sr-only"}>{t(state)}</span>
          </li>
        );
      })}
    </ol>
  );
}
