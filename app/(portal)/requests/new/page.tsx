import { getTranslations } from "next-intl/server";
import { listPreferredProductKinds } from "@/lib/requests/queries/list-preferred-product-kinds";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { RequestForm } from "../request-form";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";

/**
 * "用这个产品提交诉求" in the product catalogue links here with ?product=<name>: the name
 * is put among the preferred products (untrusted text: trimmed and stripped of the
 * separators the "other products" field splits on; not cut: an over-long name shows over
 * the field's count and is refused when sent).
 */
function productFromQuery(raw: string | string[] | undefined): string[] {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.replace(/[,，、;；\s]+/g, " ").trim();
  return value ? [value] : [];
}

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("requests.create");
  const initialProducts = productFromQuery((await searchParams).product);
  const [t, productKinds] = await Promise.all([getTranslations("requestForm"), listPreferredProductKinds(db(), user)]);
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/requests" label={t("backToList")} />
      <PageHeader title={t("new.title")} intro={t("new.intro")} />
      <RequestForm productKinds={productKinds} initial={{ type: "FINANCING" }} initialProducts={initialProducts} />
    </main>
  );
}
