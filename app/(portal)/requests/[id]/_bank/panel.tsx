import { getTranslations } from "next-intl/server";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { areaOfRole } from "@/lib/auth/areas";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import { bankCoverage } from "@/lib/auth/scopes";
import { panelSteps } from "@/lib/requests/panel-steps";
import type { TRequestDetail } from "@/lib/requests/queries/get-request-detail";
import { listPassTargets } from "@/lib/requests/queries/request-step-options";
import { db } from "@/lib/server/db";
import { BankForms } from "./forms";
import { scopeContextFor } from "@/lib/server/scope-context";

/**
 * The responsible bank's steps (签收, 答复, 转参与行, 无法解决): only for a user of the bank
 * the item is assigned to (or its parent bank), never for a bank that was only copied.
 */
export async function BankPanel({ detail, user }: { detail: TRequestDetail; user: TSessionUser }) {
  if (areaOfRole(user.role) !== "bank") return null;
  const actor = actorOf(user);
  const covered = bankCoverage(actor, (await scopeContextFor(user)).bankOrgIds);
  const steps = panelSteps("bank", { actor, coveredBankIds: covered }, detail, new Date());
  if (steps.length === 0) return null;
  const [t, passTargets] = await Promise.all([
    getTranslations("requestsBank"),
    steps.includes("pass") ? listPassTargets(db(), user, detail.id) : Promise.resolve([]),
  ]);
  return (
    <section aria-labelledby="bank-panel-title" className="space-y-4" data-testid="bank-panel">
      <h2 id="bank-panel-title" className="text-lg font-medium">
        {t("panel.title")}
      </h2>
      <BankForms
        requestId={detail.id}
        version={detail.version}
        steps={steps}
        passTargets={passTargets.map((b) => ({ value: b.id, label: b.name }))}
      />
    </section>
  );
}
