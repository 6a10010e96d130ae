"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { cancelEvent } from "@/lib/events/mutations/cancel-event";
import { cancelRegistration } from "@/lib/events/mutations/cancel-registration";
import { createEvent } from "@/lib/events/mutations/create-event";
import { raiseIntentionRequest } from "@/lib/events/mutations/raise-intention-request";
import { recordAttendance } from "@/lib/events/mutations/record-attendance";
import { recordIntention } from "@/lib/events/mutations/record-intention";
import { registerForEvent } from "@/lib/events/mutations/register-for-event";
import {
  ZCancelEvent,
  ZCancelRegistration,
  ZCreateEvent,
  ZRaiseIntentionRequest,
  ZRecordAttendance,
  ZRecordIntention,
  ZRegisterForEvent,
} from "@/lib/events/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// The permission says who may organise, register, record or raise at all; which events
// (their organization's, their park's, those their bank takes part in) the mutations decide.

export const createEventAction = defineAction({
  name: "events.create",
  policy: "events.manage",
  schema: ZCreateEvent,
  async handler({ input, user }) {
    const result = await createEvent(db(), user, input);
    revalidatePath("/events");
    return result;
  },
});

export const registerForEventAction = defineAction({
  name: "events.register",
  policy: "events.register",
  schema: ZRegisterForEvent,
  async handler({ input, user }) {
    const result = await registerForEvent(db(), user, input);
    revalidatePath(`/events/${input.eventId}`);
    return result;
  },
});

export const cancelRegistrationAction = defineAction({
  name: "events.cancelRegistration",
  policy: "events.register",
  schema: ZCancelRegistration,
  async handler({ input, user }) {
    const result = await cancelRegistration(db(), user, input);
    revalidatePath(`/events/${input.eventId}`);
    return result;
  },
});

export const recordAttendanceAction = defineAction({
  name: "events.recordAttendance",
  policy: "events.manage",
  schema: ZRecordAttendance,
  async handler({ input, user }) {
    const result = await recordAttendance(db(), user, input);
    revalidatePath(`/events/${input.eventId}`);
    return result;
  },
});

export const cancelEventAction = defineAction({
  name: "events.cancel",
  policy: "events.manage",
  schema: ZCancelEvent,
  async handler({ input, user }) {
    const result = await cancelEvent(db(), user, input);
    revalidatePath(`/events/${input.eventId}`);
    return result;
  },
});

export const recordIntentionAction = defineAction({
  name: "events.recordIntention",
  policy: "events.recordIntention",
  schema: ZRecordIntention,
  async handler({ input, user }) {
    const result = await recordIntention(db(), user, input);
    revalidatePath(`/events/${input.eventId}`);
    return result;
  },
});

export const raiseIntentionRequestAction = defineAction({
  name: "events.raiseRequest",
  policy: "events.raiseRequest",
  schema: ZRaiseIntentionRequest,
  async handler({ input, user }) {
    const result = await raiseIntentionRequest(db(), user, input);
    revalidatePath("/events");
    revalidatePath("/requests");
    return result;
  },
});
