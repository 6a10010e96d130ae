/**
 * The inputs of the matching event actions (zod). Error messages are message keys of the
 * "events" namespace (events.errors.<key>) or the shared codes.
 */
import { z } from "zod";
import { MatchEventType } from "@/lib/generated/prisma/enums";
import { compactMobile, MOBILE_PATTERN } from "@/lib/mobile";
import { wanYuanToFen } from "@/lib/requests/schemas";
import {
  zCalendarDay,
  zEntityId as id,
  zVersion as version,
  zRequiredText as required,
  zOptionalText as optional,
  zIdList as idList,
} from "@/lib/validation/fields";

export const EVENT_LIMITS = {
  title: 80,
  description: 2000,
  place: 120,
  contactName: 40,
  note: 500,
  maxCapacity: 5000,
  maxParticipants: 60,
} as const;

/** HH:MM, 24-hour clock (Beijing time). */
const zClock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "badTime" });

/**
 * A new event. `parkId` "" means city-wide (a park window's events are always in its own
 * park, whatever it sends). The day and time are Beijing time.
 */
export const ZCreateEvent = z.object({
  type: z.enum(Object.values(MatchEventType) as [MatchEventType, ...MatchEventType[]], { message: "required" }),
  title: required(EVENT_LIMITS.title),
  description: optional(EVENT_LIMITS.description),
  parkId: z
    .union([z.literal(""), id])
    .optional()
    .transform((v) => (v ? v : null)),
  day: zCalendarDay("badDate"),
  time: zClock,
  place: optional(EVENT_LIMITS.place),
  online: z
    .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
  capacity: z.coerce
    .number({ message: "required" })
    .int({ message: "wholeNumber" })
    .min(1, { message: "capacityMin" })
    .max(EVENT_LIMITS.maxCapacity, { message: "capacityMax" }),
  participantOrgIds: idList(EVENT_LIMITS.maxParticipants),
});
export type TCreateEventInput = z.output<typeof ZCreateEvent>;

/** An enterprise signs up: who will come and how to reach them (a phone form). */
export const ZRegisterForEvent = z.object({
  eventId: id,
  contactName: required(EVENT_LIMITS.contactName),
  contactPhone: z
    .string({ message: "required" })
    .max(40, { message: "tooLong" })
    .transform(compactMobile)
    .pipe(z.string().min(1, { message: "required" }).regex(MOBILE_PATTERN, { message: "mobileFormat" })),
});
export type TRegisterForEventInput = z.output<typeof ZRegisterForEvent>;

export const ZCancelRegistration = z.object({ eventId: id });
export type TCancelRegistrationInput = z.output<typeof ZCancelRegistration>;

/** The organiser closes the event as held, ticking who came. */
export const ZRecordAttendance = z.object({ eventId: id, version, attendedIds: idList(EVENT_LIMITS.maxCapacity) });
export type TRecordAttendanceInput = z.output<typeof ZRecordAttendance>;

export const ZCancelEvent = z.object({ eventId: id, version });
export type TCancelEventInput = z.output<typeof ZCancelEvent>;

/** A participating bank's intention with one attending enterprise (amounts in 万元 on the form, fen stored). */
export const ZRecordIntention = z.object({
  eventId: id,
  enterpriseId: id,
  intendedFen: wanYuanToFen.refine((v) => v !== null && BigInt(v) > 0n, { message: "required" }),
  signedFen: wanYuanToFen,
  termMonths: z
    .union([
      z.literal(""),
      z.coerce.number().int({ message: "wholeNumber" }).min(1, { message: "termRange" }).max(360, { message: "termRange" }),
    ])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  note: optional(EVENT_LIMITS.note),
});
export type TRecordIntentionInput = z.output<typeof ZRecordIntention>;

/** The enterprise turns a bank's intention into its financing item. */
export const ZRaiseIntentionRequest = z.object({ intentionId: id });
export type TRaiseIntentionRequestInput = z.output<typeof ZRaiseIntentionRequest>;
