import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listPublishingBanks } from "@/lib/products/queries/own-products";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PortalFrame } from "../../../portal-frame";
import { ProductForm } from "../product-form";

export const dynamic = "force-dynamic";

export default async function NewProductPage() {
  const user = await requirePermission("products.manage");
  const [t, banks] = await Promise.all([getTranslations("products"), listPublishingBanks(db(), user)]);
  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
        <Link href="/products/manage" className="text-sm text-brand-700 underline-offset-2 hover:underline">
          {t("form.back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("form.newTitle")}</h1>
        <ProductForm banks={banks} initial={{ bankOrgId: banks[0]?.id ?? "" }} />
      </main>
    </PortalFrame>
  );
}
