import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/link-styles";
import type { TPrefillItem } from "@/lib/summons/queries/get-summons-prefill";

/** The items that cost the bank points for being overdue or escalated, each a link to the item. */
export async function PrefillItems({ items, totals }: { items: TPrefillItem[]; totals: { overdue: number; escalated: number } }) {
  const [t, tIndicators] = await Promise.all([getTranslations("summons"), getTranslations("indicators")]);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700" data-testid="prefill-totals">
        {t("prefill.totals", totals)}
      </p>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("prefill.noItems")}</p>
      ) : (
        <DataTable
          caption={t("prefill.itemsCaption")}
          rows={items}
          rowKey={(i) => i.requestId}
          rowTestId={(i) => `prefill-item-${i.serial}`}
          columns={[
            {
              key: "serial",
              header: t("columns.serial"),
              rowHeader: true,
              className: "font-mono whitespace-nowrap",
              cell: (i) => (
                <Link href={`/requests/${i.requestId}`} className={linkClass}>
                  {i.serial}
                </Link>
              ),
            },
            { key: "reasons", header: t("columns.reasons"), cell: (i) => i.reasons.map((r) => tIndicators(`costReasons.${r}`)).join("；") },
          ]}
        />
      )}
    </div>
  );
}
