"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { getRequestDetail } from "@/lib/requests/queries/get-request-detail";
import { timelineBankNames } from "@/lib/requests/queries/timeline-bank-names";
import { ZRequestTimelineInput } from "@/lib/requests/schemas";
import { AppError } from "@/lib/errors";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// Reloads a request's history without reloading the page (the bank may be answering
// while the enterprise watches). Scoped like the page: another tenant's id is not found.
export const requestTimelineAction = defineAction({
  name: "requests.timeline",
  policy: "requests.read",
  schema: ZRequestTimelineInput,
  async handler({ input, user }) {
    const detail = await getRequestDetail(db(), user, input.requestId);
    if (!detail) throw new AppError("notFound");
    return {
      entries: detail.timeline.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
      bankNames: await timelineBankNames(db(), detail.timeline),
    };
  },
});
