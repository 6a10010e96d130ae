"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { markRead } from "@/lib/notifications/mutations/mark-read";
import { ZMarkRead } from "@/lib/notifications/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

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
