import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import type { TArea } from "@/lib/auth/areas";
import { getPlatformOverview } from "@/lib/overview/queries/get-platform-overview";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "./portal-frame";

// Shared by the five area pages until each grows its own dashboard. The page checks
// the permission itself: a layout's check would not protect it.
export async function renderAreaPage(area: TArea) {
  const user = await requirePermission(`dashboard.${area}`);
  return (
    <PortalFrame user={user} area={area}>
      <DashboardShell area={area} overview={await getPlatformOverview(db())} />
    </PortalFrame>
  );
}
