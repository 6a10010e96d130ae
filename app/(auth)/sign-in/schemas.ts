import { z } from "zod";

// Messages are keys under "signIn.errors" in the message files.
export const ZSignInInput = z.object({
  account: z
    .string({ message: "accountRequired" })
    .trim()
    .min(1, { message: "accountRequired" })
    .max(64, { message: "accountTooLong" }),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export type TSignInState = { error?: "accountRequired" | "accountTooLong" | "unknownAccount"; account?: string };
