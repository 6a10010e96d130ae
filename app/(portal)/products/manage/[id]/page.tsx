import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getOwnProduct } from "@/lib/products/queries/list-own-products";
import { fenToWanYuanInput } from "@/lib/requests/form-values";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ProductForm } from "../product-form";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";

// Edit one of the bank's own products; another bank's id is "not found".
export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("products.manage");
  const { id } = await params;
  const product = await getOwnProduct(db(), user, id);
  if (!product) notFound();
  const t = await getTranslations("products");
  const num = (n: number | null) => (n === null ? "" : String(n));
  const initial = {
    name: product.name,
    kind: product.kind,
    minAmount: fenToWanYuanInput(product.minAmountFen),
    maxAmount: fenToWanYuanInput(product.maxAmountFen),
    minTermMonths: num(product.minTermMonths),
    maxTermMonths: num(product.maxTermMonths),
    minRateBp: num(product.minRateBpOverLpr),
    maxRateBp: num(product.maxRateBpOverLpr),
    collateral: product.collateral ?? "",
    targets: product.targets ?? "",
    howToApply: product.howToApply ?? "",
  };
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/products/manage" label={t("form.back")} />
      <PageHeader
        title={t("form.editTitle")}
        intro={`${product.bankName} · ${product.active ? t("manage.active") : t("manage.inactive")}`}
      />
      <ProductForm productId={product.id} banks={[]} initial={initial} />
    </main>
  );
}
