"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { markRead } from "@/lib/notifications/mutations/mark-read";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// Either all=1 (every unread notification of the user) or one or more ids. markRead
// scopes by the signed-in user: someone else's id simply matches nothing.
const ZMarkRead = z
  .object({
    all: z.literal("1").optional(),
    id: z.union([z.uuid(), z.array(z.uuid()).min(1).max(100)]).optional(),
  })
  .refine((v) => v.all !== undefined || v.id !== undefined, { message: "required", path: ["id"] });

export const markNotificationsReadAction = defineAction({
  name: "notifications.markRead",
  policy: "signedIn",
  schema: ZMarkRead,
  async handler({ input, user }) {
    const which = input.all ? ("all" as const) : Array.isArray(input.id) ? input.id : [input.id!];
    const count = await markRead(db(), user.userId, which);
    // The list and the unread count in every page's header.
    revalidatePath("/", "layout");
    return { count };
  },
});
