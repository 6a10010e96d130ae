"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { getOrCreateSubmission } from "@/lib/submissions/mutations/get-or-create-submission";
import { acceptSubmission, returnSubmission } from "@/lib/submissions/mutations/review-submission";
import { saveSubmissionDraft } from "@/lib/submissions/mutations/save-submission-draft";
import { submitSubmission } from "@/lib/submissions/mutations/submit-submission";
import { ZOpenSubmissionInput, ZReturnSubmissionInput, ZSaveSubmissionInput, ZSubmissionStepInput } from "@/lib/submissions/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The lib mutations re-check inside their transaction: the permission, the scope (a bank
// acts only for its own organization; another bank's id is "notFound"), the status, the
// version the user saw, and the submission window.

export const openSubmissionAction = defineAction({
  name: "submissions.open",
  policy: "submissions.submit",
  schema: ZOpenSubmissionInput,
  async handler({ input, user }) {
    const done = await getOrCreateSubmission(db(), user, input, { meta: await requestMeta() });
    revalidatePath("/submissions");
    return done;
  },
});

export const saveSubmissionAction = defineAction({
  name: "submissions.save",
  policy: "submissions.submit",
  schema: ZSaveSubmissionInput,
  async handler({ input, user }) {
    const done = await saveSubmissionDraft(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

export const submitSubmissionAction = defineAction({
  name: "submissions.submit",
  policy: "submissions.submit",
  schema: ZSubmissionStepInput,
  async handler({ input, user }) {
    const done = await submitSubmission(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

export const acceptSubmissionAction = defineAction({
  name: "submissions.accept",
  policy: "submissions.review",
  schema: ZSubmissionStepInput,
  async handler({ input, user }) {
    const done = await acceptSubmission(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

export const returnSubmissionAction = defineAction({
  name: "submissions.return",
  policy: "submissions.review",
  schema: ZReturnSubmissionInput,
  async handler({ input, user }) {
    const done = await returnSubmission(db(), user, input, { meta: await requestMeta() });
    refresh(done.id);
    return done;
  },
});

function refresh(id: string): void {
  revalidatePath("/submissions");
  revalidatePath(`/submissions/${id}`);
}
