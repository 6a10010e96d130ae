import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { exportRegistryEnterprises } from "@/lib/registry/queries/registry-enterprises";
import { parseEnterpriseFilters } from "@/lib/registry/rules";
import { buildWorkbook, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";
import { registryExport } from "../../export";

export const dynamic = "force-dynamic";

// Enterprises, with the scope and filters of the page.
export const GET = defineRoute({
  name: "registry.export",
  policy: "registry.export",
  refusals: "text",
  messages: "registry",
  handler: (ctx) =>
    registryExport(ctx, "enterprises", async ({ user, params, t }) => {
      const filters = parseEnterpriseFilters(params);
      const { rows, capped } = await exportRegistryEnterprises(db(), user, await loadScopeContext(db(), user), filters);
      type TRow = (typeof rows)[number];
      const columns: TColumn<TRow>[] = [
        { header: t("registry.enterprises.uscc"), width: 22, value: (r) => r.uscc },
        { header: t("registry.enterprises.name"), width: 36, value: (r) => r.name },
        { header: t("registry.enterprises.park"), width: 18, value: (r) => r.parkName },
        { header: t("registry.enterprises.section"), width: 28, value: (r) => t(`registration.sections.${r.industrySection}`) },
        { header: t("registry.enterprises.division"), width: 10, value: (r) => r.industryDivision },
        { header: t("registry.enterprises.size"), width: 8, value: (r) => t(`enterprises.sizes.${r.size}`) },
        { header: t("registry.enterprises.tags"), width: 28, value: (r) => r.tags.join("、") },
        { header: t("registry.enterprises.class"), width: 10, value: (r) => t(`registry.classes.${r.supportClass ?? "NONE"}`) },
        { header: t("registry.enterprises.creditRating"), width: 10, value: (r) => r.creditRating },
        {
          header: t("registry.enterprises.registration"),
          width: 12,
          value: (r) => t(`enterprises.registrationStatuses.${r.registrationStatus}`),
        },
        { header: t("registry.enterprises.contactName"), width: 12, value: (r) => r.contactName },
        // Masked, as on the page: a spreadsheet leaves the system.
        { header: t("registry.enterprises.contactMobile"), width: 14, value: (r) => r.contactMobileMasked },
        { header: t("registry.common.status"), width: 8, value: (r) => t(`registry.export.${r.active ? "active" : "inactive"}`) },
      ];
      const file = await buildWorkbook(t("registry.export.enterprises"), columns, rows);
      return { file, rows: rows.length, capped, filters };
    }),
});
