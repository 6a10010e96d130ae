import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { amountRangeText, rateRangeText, termRangeText } from "@/components/products/range-text";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { buttonLinkClass } from "@/components/ui/link-styles";
import { resolveLocale } from "@/lib/i18n/locales";
import { listOwnProducts } from "@/lib/products/queries/list-own-products";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ToggleProductButton } from "./toggle-product-button";

export const dynamic = "force-dynamic";

// The bank's own products, withdrawn ones included (so they can be restored). A parent
// bank also sees its branches' products, with the publishing branch named.
export default async function ManageProductsPage() {
  const user = await requirePermission("products.manage");
  const [t, tRange, locale, products] = await Promise.all([
    getTranslations("products"),
    getTranslations("products.range"),
    getLocale().then(resolveLocale),
    listOwnProducts(db(), user),
  ]);
  const severalBanks = new Set(products.map((p) => p.bankOrgId)).size > 1;

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader
        title={t("manage.title")}
        intro={t("manage.intro")}
        actions={
          <p className="flex flex-wrap items-center gap-4">
            <Link href="/products" className="text-brand-700 underline underline-offset-4">
              {t("manage.viewCatalogue")}
            </Link>
            <Link href="/products/manage/new" className={buttonLinkClass}>
              {t("manage.new")}
            </Link>
          </p>
        }
      />
      {products.length === 0 ? (
        <EmptyState title={t("manage.emptyTitle")} body={t("manage.emptyBody")} />
      ) : (
        <DataTable
          caption={t("manage.caption")}
          rows={products}
          rowKey={(p) => p.id}
          rowClassName={(p) => (p.active ? "" : "bg-slate-50")}
          columns={[
            {
              key: "name",
              header: t("manage.name"),
              cell: (p) => (
                <>
                  {p.active ? (
                    <Link href={`/products/${p.id}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                      {p.name}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-800">{p.name}</span>
                  )}
                  <span className="block text-xs text-slate-600">{p.kind}</span>
                </>
              ),
            },
            severalBanks && { key: "bank", header: t("manage.bank"), className: "text-slate-700", cell: (p) => p.bankName },
            {
              key: "summary",
              header: t("manage.summary"),
              className: "text-slate-800 tabular-nums",
              onCard: false,
              cell: (p) => (
                <>
                  <span className="block">{amountRangeText(tRange, p, locale)}</span>
                  <span className="block">{termRangeText(tRange, p)}</span>
                  <span className="block">{rateRangeText(tRange, p)}</span>
                </>
              ),
            },
            {
              key: "status",
              header: t("manage.status"),
              className: "whitespace-nowrap",
              cell: (p) => (
                <span className={p.active ? "text-green-800" : "text-slate-600"}>
                  {p.active ? t("manage.active") : t("manage.inactive")}
                </span>
              ),
            },
            {
              key: "actions",
              header: t("manage.actions"),
              cell: (p) => (
                <span className="flex flex-wrap items-center gap-3">
                  <Link href={`/products/manage/${p.id}`} className="text-brand-700 underline underline-offset-4">
                    {t("manage.edit")}
                    <span className="sr-only">{t("manage.forName", { name: p.name })}</span>
                  </Link>
                  <ToggleProductButton productId={p.id} name={p.name} active={p.active} />
                </span>
              ),
            },
          ]}
        />
      )}
    </main>
  );
}
