import { getTranslations } from "next-intl/server";
import { listPublishingBanks } from "@/lib/products/queries/list-own-products";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ProductForm } from "../product-form";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";

export default async function NewProductPage() {
  const user = await requirePermission("products.manage");
  const [t, banks] = await Promise.all([getTranslations("products"), listPublishingBanks(db(), user)]);
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/products/manage" label={t("form.back")} />
      <PageHeader title={t("form.newTitle")} />
      <ProductForm banks={banks} initial={{ bankOrgId: banks[0]?.id ?? "" }} />
    </main>
  );
}
