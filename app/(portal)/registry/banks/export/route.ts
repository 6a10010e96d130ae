import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { listRegistryBanks } from "@/lib/registry/queries/registry-orgs";
import { parseOrgFilters } from "@/lib/registry/rules";
import { buildWorkbook, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";
import { registryExport } from "../../export";

export const dynamic = "force-dynamic";

// Banks in hierarchy order with the contact in force.
export const GET = defineRoute({
  name: "registry.export",
  policy: "registry.export",
  refusals: "text",
  messages: "registry",
  handler: (ctx) =>
    registryExport(ctx, "banks", async ({ user, params, t, locale }) => {
      const filters = parseOrgFilters(params);
      const rows = await listRegistryBanks(db(), user, filters);
      type TRow = (typeof rows)[number];
      const c = (r: TRow) => r.contact;
      const columns: TColumn<TRow>[] = [
        { header: t("registry.banks.name"), width: 36, value: (r) => `${"　".repeat(r.depth)}${r.name}` },
        { header: t("registry.banks.level"), width: 14, value: (r) => (r.bankLevel ? t(`registry.levels.${r.bankLevel}`) : null) },
        { header: t("registry.banks.parent"), width: 28, value: (r) => r.parentName },
        { header: t("registry.banks.firstPerson"), width: 12, value: (r) => c(r)?.firstPersonName ?? null },
        { header: t("registry.banks.position"), width: 12, value: (r) => c(r)?.firstPersonTitle ?? null },
        { header: t("registry.banks.mobile"), width: 14, value: (r) => c(r)?.firstPersonMobileMasked ?? null },
        { header: t("registry.banks.secondPerson"), width: 12, value: (r) => c(r)?.secondPersonName ?? null },
        { header: t("registry.banks.position"), width: 16, value: (r) => c(r)?.secondPersonTitle ?? null },
        { header: t("registry.banks.mobile"), width: 14, value: (r) => c(r)?.secondPersonMobileMasked ?? null },
        { header: t("registry.banks.department"), width: 18, value: (r) => c(r)?.department ?? null },
        { header: t("registry.banks.liaison"), width: 12, value: (r) => c(r)?.liaisonName ?? null },
        { header: t("registry.banks.mobile"), width: 14, value: (r) => c(r)?.liaisonMobileMasked ?? null },
        { header: t("registry.banks.liaisonPhone"), width: 16, value: (r) => c(r)?.liaisonPhone ?? null },
        { header: t("registry.banks.effectiveOn"), width: 14, value: (r) => (c(r) ? formatDate(c(r)!.effectiveOn, locale) : null) },
        { header: t("registry.banks.filedAt"), width: 20, value: (r) => (c(r) ? formatDateTime(c(r)!.filedAt, locale) : null) },
        {
          header: t("registry.banks.filing"),
          width: 10,
          value: (r) => (c(r) ? t(`registry.export.${c(r)!.filedLate ? "late" : "onTime"}`) : null),
        },
        { header: t("registry.common.status"), width: 8, value: (r) => t(`registry.export.${r.active ? "active" : "inactive"}`) },
      ];
      const file = await buildWorkbook(t("registry.export.banks"), columns, rows);
      return { file, rows: rows.length, capped: false, filters };
    }),
});
