import { getLocale, getTranslations } from "next-intl/server";
import { resolveLocale } from "@/lib/i18n/locales";
import { loadPbcDashboard } from "@/lib/dashboard/queries/load-pbc-dashboard";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PbcDashboard } from "./pbc-dashboard";
import { TargetProgressSection } from "../target-progress-section";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

// The central bank branch's morning page: how credit flows (lib/dashboard/queries/load-pbc-dashboard.ts decides the numbers).
export default async function Page() {
  const user = await requirePermission("dashboard.pbc");
  const [data, tAreas, locale] = await Promise.all([
    loadPbcDashboard(db(), user),
    getTranslations("areas"),
    getLocale().then(resolveLocale),
  ]);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-8">
      <PageHeader title={tAreas("pbc")} />
      <PbcDashboard data={data} locale={locale} />
      <TargetProgressSection user={user} view="pbc" />
    </main>
  );
}
