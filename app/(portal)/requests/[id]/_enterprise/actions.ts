"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { disputeReturn, rateRequest, supplyDocuments, withdrawRequest } from "@/lib/requests/mutations/enterprise-steps";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import { getEditableRequest } from "@/lib/requests/queries/get-editable-request";
import { ZDisputeReturn, ZRate, ZSaveRequest, ZSubmitDraftInput, ZSupplyDocuments, ZWithdraw } from "@/lib/requests/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// The enterprise's steps on its own item. Every mutation scopes to the actor's
// enterprise and re-checks status and version inside its transaction.

function revalidateItem(id: string) {
  revalidatePath("/requests");
  revalidatePath(`/requests/${id}`);
  revalidatePath("/park/queue");
  revalidatePath("/bank/inbox");
  revalidatePath("/supervision");
}

export const rateRequestAction = defineAction({
  name: "requests.rate",
  policy: "requests.rate",
  schema: ZRate,
  async handler({ input, user }) {
    const result = await rateRequest(db(), user, input);
    revalidateItem(result.id);
    return result;
  },
});

export const withdrawRequestAction = defineAction({
  name: "requests.withdraw",
  policy: "requests.withdraw",
  schema: ZWithdraw,
  async handler({ input, user }) {
    const result = await withdrawRequest(db(), user, input);
    revalidateItem(result.id);
    return result;
  },
});

// Contesting a return is part of writing the item (the enterprise's own submission), so
// it takes the same permission as creating one.
export const disputeReturnAction = defineAction({
  name: "requests.disputeReturn",
  policy: "requests.create",
  schema: ZDisputeReturn,
  async handler({ input, user }) {
    const result = await disputeReturn(db(), user, input);
    revalidateItem(result.id);
    return result;
  },
});

// Sending the documents a bank asked for is writing the enterprise's own item, like a
// dispute: the same permission as creating one.
export const supplyDocumentsAction = defineAction({
  name: "requests.supplyDocuments",
  policy: "requests.create",
  schema: ZSupplyDocuments,
  async handler({ input, user }) {
    const result = await supplyDocuments(db(), user, input);
    revalidateItem(result.id);
    return result;
  },
});

// 提交 straight from the detail page: the draft as saved, checked by the same schema as
// the form (a missing field answers "incomplete" with the fields to fill in on the edit page).
export const submitDraftAction = defineAction({
  name: "requests.submitDraft",
  policy: "requests.create",
  schema: ZSubmitDraftInput,
  async handler({ input, user }) {
    const item = await getEditableRequest(db(), user, input.requestId);
    if (!item) throw new AppError("notFound");
    const parsed = ZSaveRequest.safeParse({
      ...item.values,
      requestId: item.id,
      version: input.version,
      preferredProducts: item.preferredProducts,
      submit: true,
    });
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
      throw new AppError("incomplete", fieldErrors);
    }
    const result = await saveRequest(db(), user, parsed.data);
    revalidateItem(result.id);
    return result;
  },
});
