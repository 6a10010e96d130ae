import type { TAuditExportLabels } from "@/lib/audit/queries/audit-csv-chunks";
import type { TAuditOutcome } from "@/lib/audit/schemas";
import type { TTranslator } from "@/lib/i18n/translator";

// These helpers take a translator of the "audit" namespace: the page's
// getTranslations("audit") (through asTranslator) or the export route's.

const DOTTED = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

/**
 * The human label of an action name: "auth.signIn" → "登录" from "audit.actions", a
 * refused one ("denied.orgs.create") as "越权访问：创建机构", anything unknown as its raw name.
 */
export function actionLabeler(t: TTranslator): (action: string) => string {
  const known = (name: string): string | null => {
    if (!DOTTED.test(name)) return null;
    const key = `actions.${name}`;
    return t.has(key) && typeof t.raw(key) === "string" ? t(key) : null;
  };
  return (action) => {
    if (action.startsWith("denied.")) {
      const inner = action.slice("denied.".length);
      return t("denied", { action: known(inner) ?? inner });
    }
    return known(action) ?? action;
  };
}

export function exportLabels(t: TTranslator): TAuditExportLabels {
  return {
    headings: {
      id: t("csv.id"),
      time: t("csv.time"),
      account: t("csv.account"),
      name: t("csv.name"),
      org: t("csv.org"),
      action: t("csv.action"),
      actionLabel: t("csv.actionLabel"),
      targetType: t("csv.targetType"),
      targetId: t("csv.targetId"),
      outcome: t("csv.outcome"),
      ip: t("csv.ip"),
      userAgent: t("csv.userAgent"),
      details: t("csv.details"),
    },
    action: actionLabeler(t),
    outcome: (outcome: TAuditOutcome) => t(`outcomes.${outcome}`),
    capped: (max) => t("csv.capped", { max: max.toLocaleString("en-US") }),
  };
}
