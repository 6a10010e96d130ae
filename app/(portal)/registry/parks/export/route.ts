import { listRegistryParks } from "@/lib/registry/queries/registry-orgs";
import { parseOrgFilters } from "@/lib/registry/rules";
import { buildWorkbook, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";
import { registryExport } from "../../export";

export const dynamic = "force-dynamic";

// Parks and their financing service windows.
export const GET = defineRoute({
  name: "registry.export",
  policy: "registry.export",
  refusals: "text",
  messages: "registry",
  handler: (ctx) =>
    registryExport(ctx, "parks", async ({ user, params, t }) => {
      const { q, status } = parseOrgFilters(params);
      const filters = { q, status, level: null };
      const rows = await listRegistryParks(db(), user, filters);
      type TRow = (typeof rows)[number];
      const columns: TColumn<TRow>[] = [
        { header: t("registry.parks.code"), width: 10, value: (r) => r.code },
        { header: t("registry.parks.name"), width: 36, value: (r) => r.name },
        { header: t("registry.common.shortName"), width: 14, value: (r) => r.shortName },
        { header: t("registry.parks.district"), width: 12, value: (r) => r.district },
        { header: t("registry.parks.address"), width: 36, value: (r) => r.address },
        { header: t("registry.parks.windowName"), width: 28, value: (r) => r.windowName },
        { header: t("registry.parks.windowPhone"), width: 16, value: (r) => r.windowPhone },
        { header: t("registry.parks.enterprises"), width: 10, value: (r) => r.enterpriseCount },
        { header: t("registry.common.status"), width: 8, value: (r) => t(`registry.export.${r.active ? "active" : "inactive"}`) },
      ];
      const file = await buildWorkbook(t("registry.export.parks"), columns, rows);
      return { file, rows: rows.length, capped: false, filters: { q, status } };
    }),
});
