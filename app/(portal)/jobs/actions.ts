"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { retryFailedJob } from "@/lib/jobs/mutations/retry-failed-job";
import { ZRetryJobInput } from "@/lib/jobs/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export const retryJobAction = defineAction({
  name: "jobs.retry",
  policy: "jobs.manage",
  schema: ZRetryJobInput,
  async handler({ input, user }) {
    await retryFailedJob(db(), user, BigInt(input.jobId), await requestMeta());
    revalidatePath("/jobs");
    return { retried: input.jobId };
  },
});
