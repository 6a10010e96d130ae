"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { addCalendarDay, loadOfficialCalendarYear, publishCalendarYear, removeCalendarDay } from "@/lib/calendar/mutations/manage-calendar";
import { ZAddCalendarDayInput, ZLoadOfficialYearInput, ZPublishCalendarYearInput, ZRemoveCalendarDayInput } from "@/lib/calendar/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The calendar is one for the whole platform (no organization scope): only the finance
// office administrator changes it. Every change recomputes open deadlines in its
// transaction and is audited there.

export const addCalendarDayAction = defineAction({
  name: "calendar.addDay",
  policy: "calendar.manage",
  schema: ZAddCalendarDayInput,
  async handler({ input, user }) {
    const { recompute } = await addCalendarDay(db(), user, input, await requestMeta());
    revalidatePath("/calendar");
    return { dueChanged: recompute.dueChanged };
  },
});

export const removeCalendarDayAction = defineAction({
  name: "calendar.removeDay",
  policy: "calendar.manage",
  schema: ZRemoveCalendarDayInput,
  async handler({ input, user }) {
    const { recompute } = await removeCalendarDay(db(), user, input, await requestMeta());
    revalidatePath("/calendar");
    return { dueChanged: recompute.dueChanged };
  },
});

export const publishCalendarYearAction = defineAction({
  name: "calendar.publishYear",
  policy: "calendar.manage",
  schema: ZPublishCalendarYearInput,
  async handler({ input, user }) {
    const { recompute } = await publishCalendarYear(db(), user, input, await requestMeta());
    revalidatePath("/", "layout");
    return { dueChanged: recompute.dueChanged, provisionalChanged: recompute.provisionalChanged };
  },
});

export const loadOfficialCalendarYearAction = defineAction({
  name: "calendar.loadOfficial",
  policy: "calendar.manage",
  schema: ZLoadOfficialYearInput,
  async handler({ input, user }) {
    const result = await loadOfficialCalendarYear(db(), user, input, await requestMeta());
    revalidatePath("/", "layout");
    return { added: result.added, updated: result.updated, dueChanged: result.recompute.dueChanged };
  },
});
