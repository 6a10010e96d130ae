"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { saveRequest } from "@/lib/requests/mutations/save-request";
import { ZSaveRequestForm } from "@/lib/requests/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// Create or update the enterprise's own item; `submit=on` sends it to the park window.
// saveRequest scopes to the actor's enterprise and checks the version and status itself.
// A new draft goes to its edit page (where files can be attached), a submitted item to
// its detail page; saving an existing draft stays on the form with the new version.
export const saveRequestAction = defineAction({
  name: "requests.save",
  policy: "requests.create",
  schema: ZSaveRequestForm,
  async handler({ input, user }) {
    const result = await saveRequest(db(), user, input);
    revalidatePath("/requests");
    revalidatePath(`/requests/${result.id}`);
    if (result.status === RequestStatus.SUBMITTED) {
      revalidatePath("/park/queue");
      redirect(`/requests/${result.id}`);
    }
    if (!input.requestId) redirect(`/requests/${result.id}/edit?created=1`);
    return result;
  },
});
