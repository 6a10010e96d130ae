import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ProductCard } from "@/components/products/product-card";
import { ProductFilters } from "@/components/products/product-filters";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination, pagerLabels } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { resolveLocale } from "@/lib/i18n/locales";
import { isFiltered, parseProductFilters, productListQuery } from "@/lib/products/filters";
import { listCatalogueBanks, listProducts } from "@/lib/products/queries/list-products";
import { db } from "@/lib/server/db";
import { CatalogueFrame, catalogueViewer, requestAction } from "./catalogue-frame";

// Public: the catalogue needs no sign-in (banks publish products to be found). A
// signed-in enterprise gets a "request with this product" link on every card.
export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ProductsPage({ searchParams }: { searchParams: TSearchParams }) {
  const filters = parseProductFilters(await searchParams);
  const [viewer, t, tFilters, tCard, tRange, locale, list, banks] = await Promise.all([
    catalogueViewer(),
    getTranslations("products"),
    getTranslations("products.filters"),
    getTranslations("products.card"),
    getTranslations("products.range"),
    getLocale().then(resolveLocale),
    listProducts(db(), filters),
    listCatalogueBanks(db()),
  ]);
  const filtered = isFiltered(filters);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const hrefFor = (p: number) => {
    const query = productListQuery(filters, p);
    return query ? `/products?${query}` : "/products";
  };
  const mayRequest = !viewer || can(viewer.role, "requests.create");

  return (
    <CatalogueFrame viewer={viewer}>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 space-y-6 px-4 py-8 leading-relaxed sm:px-8">
        <div className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h1 className="text-2xl font-semibold tracking-wide">{t("title")}</h1>
            {viewer && can(viewer.role, "products.manage") && (
              <Link
                href="/products/manage"
                className="rounded-md bg-white px-4 py-2 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50"
              >
                {t("manageLink")}
              </Link>
            )}
          </div>
          <p className="max-w-prose text-slate-700">{t("intro")}</p>
          <p className="max-w-prose text-sm text-slate-600">{t("publicNote")}</p>
        </div>
        <ProductFilters filters={filters} banks={banks} t={tFilters} action="/products" />
        {list.rows.length === 0 ? (
          <div className="space-y-4">
            <EmptyState
              title={t(filtered ? "empty.filteredTitle" : "empty.title")}
              body={t(filtered ? "empty.filteredBody" : "empty.body")}
            />
            {mayRequest && (
              <p className="flex flex-wrap justify-center gap-4 text-sm">
                {filtered && (
                  <Link href="/products" className="text-brand-700 underline underline-offset-4">
                    {tFilters("clear")}
                  </Link>
                )}
                <Link href={viewer ? "/requests/new" : "/directory"} className="text-brand-700 underline underline-offset-4">
                  {viewer ? t("empty.requestLink") : t("directoryLink")}
                </Link>
              </p>
            )}
          </div>
        ) : (
          <>
            <p className="text-sm text-slate-600" role="status">
              {t("count", { count: list.total })}
            </p>
            <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
              {list.rows.map((product) => (
                <ProductCard
                  key={product.id}
                  product={product}
                  locale={locale}
                  t={tCard}
                  tRange={tRange}
                  action={requestAction(viewer, product.name, tCard)}
                />
              ))}
            </ul>
          </>
        )}
        {list.total > 0 && (
          <Pagination
            page={list.page}
            pages={pages}
            hrefFor={hrefFor}
            labels={pagerLabels(t, { page: list.page, pages, total: list.total })}
          />
        )}
      </main>
    </CatalogueFrame>
  );
}
