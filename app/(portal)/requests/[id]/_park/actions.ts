"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { forwardRequest, returnRequest } from "@/lib/requests/mutations/park-steps";
import { ZForwardForm, ZReturn } from "@/lib/requests/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// The park window's steps on a submitted item of its own park. The mutations scope to
// the actor's park (another park's id is "notFound") and check that a picked bank is
// paired with the park ("notPaired").

function revalidateItem(id: string) {
  revalidatePath("/requests");
  revalidatePath(`/requests/${id}`);
  revalidatePath("/park/queue");
  revalidatePath("/bank/inbox");
}

export const forwardRequestAction = defineAction({
  name: "requests.forward",
  policy: "requests.forward",
  schema: ZForwardForm,
  async handler({ input: { mode: _mode, ...input }, user }) {
    void _mode;
    const result = await forwardRequest(db(), user, input);
    revalidateItem(result.id);
    return result;
  },
});

export const returnRequestAction = defineAction({
  name: "requests.return",
  policy: "requests.return",
  schema: ZReturn,
  async handler({ input, user }) {
    const result = await returnRequest(db(), user, input);
    revalidateItem(result.id);
    return result;
  },
});
