"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { submitRegistration } from "@/lib/registry/mutations/submit-registration";
import { ZRegistrationInput } from "@/lib/registry/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export type TRegisterResult = {
  enterpriseName: string;
  account: string;
  parkName: string;
  windowName: string | null;
  windowPhone: string | null;
};

// Public: the visitor has no account yet. The mutation parses the input again, checks
// the park is active and that the USCC, account name and mobile are not taken.
export const registerEnterpriseAction = defineAction({
  name: "registration.submit",
  policy: "public",
  schema: ZRegistrationInput,
  async handler({ input }): Promise<TRegisterResult> {
    const receipt = await submitRegistration(db(), input, await requestMeta());
    return {
      enterpriseName: receipt.enterpriseName,
      account: receipt.account,
      parkName: receipt.parkName,
      windowName: receipt.windowName,
      windowPhone: receipt.windowPhone,
    };
  },
});
