"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { forwardRequest, returnRequest } from "@/lib/requests/mutations/park-steps";
import { ZForward, ZReturn } from "@/lib/requests/schemas";
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

// "mode" is the form's radio: "pick" with no bank chosen must not fall back to the
// automatic route (an empty bankOrgId means automatic in ZForward).
const ZForwardForm = z
  .object({ mode: z.enum(["auto", "pick"]).optional() })
  .and(ZForward)
  .superRefine((v, ctx) => {
    if (v.mode === "pick" && v.bankOrgId === null) ctx.addIssue({ code: "custom", path: ["bankOrgId"], message: "badBank" });
  });

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
