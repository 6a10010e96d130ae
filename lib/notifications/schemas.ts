import { z } from "zod";

// Either all=1 (every unread notification of the user) or one or more ids. markRead
// scopes by the signed-in user: someone else's id simply matches nothing.
export const ZMarkRead = z
  .object({
    all: z.literal("1").optional(),
    id: z.union([z.uuid(), z.array(z.uuid()).min(1).max(100)]).optional(),
  })
  .refine((v) => v.all !== undefined || v.id !== undefined, { message: "required", path: ["id"] });
