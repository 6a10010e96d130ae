import { getTranslations } from "next-intl/server";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { canActor } from "@/lib/auth/permissions";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import { panelSteps } from "@/lib/requests/panel-steps";
import type { TRequestDetail } from "@/lib/requests/queries/get-request-detail";
import { loadSupervisionOptions } from "@/lib/requests/queries/request-step-options";
import { db } from "@/lib/server/db";
import { SupervisionForms } from "./forms";

/**
 * The finance office's supervision steps (交办, 催办, 销号, 退回争议裁定, 撤回核查).
 * The central bank branch sees the same detail without them: it has no requests.supervise.
 */
export async function SupervisionPanel({ detail, user }: { detail: TRequestDetail; user: TSessionUser }) {
  const actor = actorOf(user);
  if (!canActor(actor, "requests.supervise")) return null;
  const steps = panelSteps("supervision", { actor, coveredBankIds: [] }, detail, new Date());
  if (steps.length === 0) return null;
  const [t, options] = await Promise.all([
    getTranslations("supervision"),
    steps.includes("assign") ? loadSupervisionOptions(db(), user, detail.id) : Promise.resolve(null),
  ]);
  return (
    <section aria-labelledby="supervision-panel-title" className="space-y-4" data-testid="supervision-panel">
      <h2 id="supervision-panel-title" className="text-lg font-medium">
        {t("panel.title")}
      </h2>
      <SupervisionForms
        requestId={detail.id}
        version={detail.version}
        steps={steps}
        banks={(options?.banks ?? []).map((b) => ({ value: b.id, label: b.name }))}
        defaultDeadlineDays={options?.replyDeadlineDays ?? 5}
      />
    </section>
  );
}
