import { formatDate } from "@/lib/i18n/format";
import { listRegistryGuarantors } from "@/lib/registry/queries/registry-orgs";
import { parseOrgFilters } from "@/lib/registry/rules";
import { buildWorkbook, type TColumn } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/route";
import { registryExport } from "../../export";

export const dynamic = "force-dynamic";

// Guarantee companies.
export const GET = defineRoute({
  name: "registry.export",
  policy: "registry.export",
  refusals: "text",
  messages: "registry",
  handler: (ctx) =>
    registryExport(ctx, "guarantors", async ({ user, params, t, locale }) => {
      const { q, status } = parseOrgFilters(params);
      const rows = await listRegistryGuarantors(db(), user, { q, status, level: null });
      type TRow = (typeof rows)[number];
      const columns: TColumn<TRow>[] = [
        { header: t("registry.common.name"), width: 36, value: (r) => r.name },
        { header: t("registry.common.shortName"), width: 16, value: (r) => r.shortName },
        { header: t("registry.common.createdAt"), width: 14, value: (r) => formatDate(r.createdAt, locale) },
        { header: t("registry.common.status"), width: 8, value: (r) => t(`registry.export.${r.active ? "active" : "inactive"}`) },
      ];
      const file = await buildWorkbook(t("registry.export.guarantors"), columns, rows);
      return { file, rows: rows.length, capped: false, filters: { q, status } };
    }),
});
