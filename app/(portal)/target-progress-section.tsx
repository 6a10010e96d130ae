import { getLocale } from "next-intl/server";
import { TargetProgress, type TTargetView } from "@/components/dashboard/target-progress";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { can } from "@/lib/auth/permissions";
import { dashboardPeriod } from "@/lib/dashboard/shared-period";
import { resolveLocale } from "@/lib/i18n/locales";
import { readTargetProgress } from "@/lib/targets/queries/read-target-progress";
import { db } from "@/lib/server/db";

/**
 * The credit-target block of the bank, park, finance and central-bank dashboards: its own
 * one-statement query (readTargetProgress, scoped by the viewer), rendered beside the
 * dashboard's other blocks rather than folded into their loaders.
 */
export async function TargetProgressSection({ user, view, now = new Date() }: { user: TActorSource; view: TTargetView; now?: Date }) {
  const year = dashboardPeriod(now).current.year;
  const [rows, locale] = await Promise.all([readTargetProgress(db(), actorOf(user), { year }), getLocale().then(resolveLocale)]);
  const manageHref = can(user.role, "targets.manage") ? "/targets" : undefined;
  return <TargetProgress rows={rows} year={year} view={view} locale={locale} manageHref={manageHref} />;
}
