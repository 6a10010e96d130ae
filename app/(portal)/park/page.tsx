import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getParkDashboard } from "@/lib/dashboard/queries/get-park-dashboard";
import { resolveLocale } from "@/lib/i18n/locales";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ProblemListSection } from "./problem-list-chart";
import { TargetProgressSection } from "../target-progress-section";
import { PlanProgressSection } from "./plan-progress-section";
import { EnterprisesSection, FiguresSection, VisitsSection } from "./registry-sections";
import { OverdueSection, QueueSection, WaitingTiles } from "./waiting-sections";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";

// "What is waiting for me?" — the park window's queue, registrations and overdue items
// first, then the park's problem list, enterprises, loan figures and bank visits.
export default async function ParkDashboardPage() {
  const user = await requirePermission("dashboard.park");
  const [t, locale, data] = await Promise.all([
    getTranslations("dashboardPark"),
    getLocale().then(resolveLocale),
    getParkDashboard(db(), user),
  ]);
  if (!data) notFound();

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={t("intro", { name: data.parkName })} />
      <WaitingTiles data={data} />
      <QueueSection data={data} locale={locale} />
      <OverdueSection data={data} locale={locale} />
      <ProblemListSection data={data} />
      <EnterprisesSection data={data} />
      <FiguresSection data={data} locale={locale} />
      <TargetProgressSection user={user} view="park" />
      <PlanProgressSection user={user} />
      <VisitsSection data={data} locale={locale} />
    </main>
  );
}
