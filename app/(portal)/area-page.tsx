import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import type { TArea } from "@/lib/auth/areas";
import { getPlatformOverview } from "@/lib/overview/queries/get-platform-overview";
import { db } from "@/lib/server/db";

// Shared by the five area pages until each grows its own dashboard.
export async function renderAreaPage(area: TArea) {
  return <DashboardShell area={area} overview={await getPlatformOverview(db())} />;
}
