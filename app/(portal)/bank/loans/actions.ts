"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { cancelLoan } from "@/lib/loans/mutations/cancel-loan";
import { recordLoan } from "@/lib/loans/mutations/record-loan";
import { ZCancelLoan, ZRecordLoan } from "@/lib/loans/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// The permission says who may record at all; for which bank (the user's own) and which
// loans may be cancelled (its own, recorded outside a request), the mutations decide.

export const recordLoanAction = defineAction({
  name: "loans.record",
  policy: "loans.record",
  schema: ZRecordLoan,
  async handler({ input, user }) {
    const result = await recordLoan(db(), user, input);
    revalidatePath("/bank/loans");
    revalidatePath("/enterprise");
    return result;
  },
});

export const cancelLoanAction = defineAction({
  name: "loans.cancel",
  policy: "loans.record",
  schema: ZCancelLoan,
  async handler({ input, user }) {
    const result = await cancelLoan(db(), user, input);
    revalidatePath("/bank/loans");
    revalidatePath("/enterprise");
    return result;
  },
});
