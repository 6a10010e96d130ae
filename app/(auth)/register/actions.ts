"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { publicReceipt, submitRegistration, type TReceiptCommon } from "@/lib/registry/mutations/submit-registration";
import { ZRegistrationInput } from "@/lib/registry/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export type TRegisterResult = TReceiptCommon;

// Public: the visitor has no account yet. The mutation parses the input again, checks
// the park is active and the account name is free; an application whose USCC or mobile is
// registered already is held for the park window, and the answer does not say which.
export const registerEnterpriseAction = defineAction({
  name: "registration.submit",
  policy: "public",
  schema: ZRegistrationInput,
  async handler({ input }): Promise<TRegisterResult> {
    return publicReceipt(await submitRegistration(db(), input, await requestMeta()));
  },
});
