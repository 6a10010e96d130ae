"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { confirmVisit } from "@/lib/visits/mutations/confirm-visit";
import { raiseFindingItem } from "@/lib/visits/mutations/raise-finding-item";
import { recordVisit } from "@/lib/visits/mutations/record-visit";
import { ZConfirmVisit, ZRaiseFindingItem, ZRecordVisit } from "@/lib/visits/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// The permission says who may record, confirm or raise at all; which visits (their park's,
// their bank's) and which side confirms, the mutations decide.

export const recordVisitAction = defineAction({
  name: "visits.record",
  policy: "visits.record",
  schema: ZRecordVisit,
  async handler({ input, user }) {
    const result = await recordVisit(db(), user, input);
    revalidatePath("/visits");
    return result;
  },
});

export const confirmVisitAction = defineAction({
  name: "visits.confirm",
  policy: "visits.confirm",
  schema: ZConfirmVisit,
  async handler({ input, user }) {
    const result = await confirmVisit(db(), user, input);
    revalidatePath("/visits");
    revalidatePath(`/visits/${input.visitId}`);
    return result;
  },
});

export const raiseFindingItemAction = defineAction({
  name: "visits.raiseItem",
  policy: "visits.raiseItem",
  schema: ZRaiseFindingItem,
  async handler({ input, user }) {
    const result = await raiseFindingItem(db(), user, input);
    revalidatePath("/visits");
    revalidatePath("/park");
    return result;
  },
});
