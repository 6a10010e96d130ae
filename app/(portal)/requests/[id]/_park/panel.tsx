import { getTranslations } from "next-intl/server";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import { panelSteps } from "@/lib/requests/panel-steps";
import type { TRequestDetail } from "@/lib/requests/queries/get-request-detail";
import { listParkForwardBanks } from "@/lib/requests/queries/list-park-forward-banks";
import { db } from "@/lib/server/db";
import { ParkForms } from "./forms";
import { scopeContextFor } from "@/lib/server/scope-context";

/**
 * The park window's review of a submitted item of its own park: forward it (to the main
 * contact bank with the participating banks copied, or to a paired bank it picks) or
 * return it to the enterprise with a reason. Nothing for anyone else or any other state.
 */
export async function ParkPanel({ detail, user }: { detail: TRequestDetail; user: TSessionUser }) {
  const actor = actorOf(user);
  const steps = panelSteps("park", { actor, coveredBankIds: [] }, detail, new Date());
  const mayForward = steps.includes("forward");
  const mayReturn = steps.includes("return");
  if (!mayForward && !mayReturn) return null;
  const { parkId } = await scopeContextFor(user);
  if (!parkId || parkId !== detail.parkId) return null;
  const [t, options] = await Promise.all([getTranslations("requestForm.park"), listParkForwardBanks(db(), user)]);
  return (
    <section aria-labelledby="park-panel-title" className="space-y-4" data-testid="park-panel">
      <h2 id="park-panel-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      <ParkForms
        requestId={detail.id}
        version={detail.version}
        mayForward={mayForward}
        mayReturn={mayReturn}
        programName={options.programName}
        mainBank={options.mainBank ? { id: options.mainBank.id, name: options.mainBank.name } : null}
        banks={options.banks.map((b) => ({ value: b.id, label: t(`bankOption.${b.role}`, { name: b.name }) }))}
      />
    </section>
  );
}
