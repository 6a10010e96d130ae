import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listAttachments } from "@/lib/attachments/queries/get-attachment-file";
import { attachmentsEditable, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REQUEST } from "@/lib/attachments/rules";
import { isUuid } from "@/lib/ids";
import { getEditableRequest } from "@/lib/requests/queries/get-editable-request";
import { listPreferredProductKinds } from "@/lib/requests/queries/list-preferred-product-kinds";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { RequestForm } from "../../request-form";
import { AttachmentsEditor } from "./attachments-editor";
import { PageHeader } from "@/components/ui/page-header";
import { BackLink } from "@/components/ui/back-link";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<{ created?: string | string[] }>;

// Only the enterprise's own drafts and returned items are editable; anything else is
// "not found" (another tenant's id) or back to the detail page (no longer editable).
export default async function EditRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: TSearchParams }) {
  const user = await requirePermission("requests.create");
  const { id } = await params;
  const item = isUuid(id) ? await getEditableRequest(db(), user, id) : null;
  if (!item) notFound();
  if (!attachmentsEditable(item.status)) redirect(`/requests/${item.id}`);
  const [t, tRequests, productKinds, attachments, { created }] = await Promise.all([
    getTranslations("requestForm"),
    getTranslations("requests"),
    listPreferredProductKinds(db(), user),
    listAttachments(db(), user, item.id),
    searchParams,
  ]);
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href={`/requests/${item.id}`} label={t("backToItem")} />
      <PageHeader
        title={t("edit.title", { serial: item.serial })}
        intro={t("edit.status", { status: tRequests(`statuses.${item.status}`) })}
      />
      {created && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-800">
          {t("edit.created")}
        </p>
      )}
      {item.status === "RETURNED" && item.returnReason && (
        <section className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 className="font-medium text-amber-900">{t("edit.returnedTitle")}</h2>
          <p className="mt-1 whitespace-pre-line text-amber-900">{item.returnReason}</p>
          <p className="mt-2 text-sm text-amber-800">{t("edit.returnedHint")}</p>
        </section>
      )}
      <RequestForm
        requestId={item.id}
        version={item.version}
        initial={item.values}
        initialProducts={item.preferredProducts}
        productKinds={productKinds}
      />
      <AttachmentsEditor
        requestId={item.id}
        initial={attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() }))}
        maxBytes={MAX_ATTACHMENT_BYTES}
        maxCount={MAX_ATTACHMENTS_PER_REQUEST}
      />
    </main>
  );
}
