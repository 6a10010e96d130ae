"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { reviewRegistration, type TReviewResult } from "@/lib/registry/mutations/review-registration";
import { ZApproveRegistrationInput, ZRejectRegistrationInput } from "@/lib/registry/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The permission says a park window may review; the mutation's scope (the actor's own
// park, still PENDING) says which registrations: another park's id is "notFound".
export const approveRegistrationAction = defineAction({
  name: "registration.approve",
  policy: "registrations.review",
  schema: ZApproveRegistrationInput,
  async handler({ input, user }): Promise<TReviewResult> {
    return reviewRegistration(db(), user, { decision: "approve", enterpriseId: input.enterpriseId }, await requestMeta());
  },
});

export const rejectRegistrationAction = defineAction({
  name: "registration.reject",
  policy: "registrations.review",
  schema: ZRejectRegistrationInput,
  async handler({ input, user }): Promise<TReviewResult> {
    return reviewRegistration(
      db(),
      user,
      { decision: "reject", enterpriseId: input.enterpriseId, reason: input.reason },
      await requestMeta(),
    );
  },
});
