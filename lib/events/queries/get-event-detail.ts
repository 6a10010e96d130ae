/**
 * One event as its page shows it, or null when the actor may not see it (decision 008):
 * the event, its participants, its figures, what the actor may do, the enterprise's own
 * registration, and the intentions the actor may see (the offices and the organiser all;
 * a bank its own; an enterprise those made to it). Registrations are a separate keyset
 * list (listEventRegistrations).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  MatchEventStatus,
  MatchRegistrationStatus,
  OrgKind,
  type MatchEventType,
  type MatchRegistrationStatus as TRegStatus,
} from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { loadEventScope } from "@/lib/events/queries/load-event-scope";
import { NO_FIGURES, readEventFigures, type TEventFigures } from "@/lib/events/queries/read-event-figures";
import { eventPhase, mayManageEvent, registrationOpen, type TEventPhase } from "@/lib/events/rules";

export type TEventIntention = {
  id: string;
  bankName: string;
  enterpriseName: string;
  intendedFen: bigint;
  signedFen: bigint;
  termMonths: number | null;
  note: string | null;
  requestId: string | null;
  requestSerial: string | null;
};

export type TEventDetail = {
  id: string;
  type: MatchEventType;
  title: string;
  description: string | null;
  startsAt: Date;
  status: MatchEventStatus;
  phase: TEventPhase;
  version: number;
  organiserName: string;
  parkName: string | null;
  place: string | null;
  online: boolean;
  capacity: number;
  registeredCount: number;
  participants: { id: string; name: string; kind: OrgKind }[];
  figures: TEventFigures;
  may: { manage: boolean; seeRegistrations: boolean; register: boolean; recordIntention: boolean; raise: boolean };
  myRegistration: { status: TRegStatus; attended: boolean; contactName: string } | null;
  intentions: TEventIntention[];
  /** For a participating bank's intention form: the enterprises that attended. */
  attendees: { id: string; name: string }[];
  /** For the organiser's attendance form once the event has started: who registered. */
  toMark: { id: string; name: string }[];
};

/** Intentions shown on one page; an event has a few dozen. */
const INTENTIONS_CAP = 500;

export async function getEventDetail(
  db: PrismaClient,
  actor: TActorSource,
  eventId: string,
  opts: { now?: Date } = {},
): Promise<TEventDetail | null> {
  const now = opts.now ?? new Date();
  const scope = await loadEventScope(db, actor);
  if (isNothing(scope)) return null;
  const event = await db.matchEvent.findFirst({
    where: { AND: [{ id: eventId }, scope] },
    select: {
      id: true,
      type: true,
      title: true,
      description: true,
      startsAt: true,
      status: true,
      version: true,
      organiserOrgId: true,
      parkId: true,
      place: true,
      online: true,
      capacity: true,
      registeredCount: true,
      participantOrgIds: true,
      organiser: { select: { name: true } },
      park: { select: { org: { select: { name: true } } } },
    },
  });
  if (!event) return null;
  const who = actorOf(actor);
  const ctx = await loadScopeContext(db, actor);
  const manage = mayManageEvent(who, event);
  const isParticipantBank = actor.orgKind === OrgKind.BANK && event.participantOrgIds.includes(actor.orgId);
  const office = actor.orgKind === OrgKind.FINANCE_OFFICE || actor.orgKind === OrgKind.CENTRAL_BANK;
  const ownPark = actor.orgKind === OrgKind.PARK && event.parkId !== null && ctx.parkId === event.parkId;
  const enterpriseId = actor.orgKind === OrgKind.ENTERPRISE ? (ctx.enterpriseId ?? null) : null;

  const [participants, figures, mine] = await Promise.all([
    db.organization.findMany({
      where: { id: { in: event.participantOrgIds } },
      select: { id: true, name: true, kind: true },
      orderBy: { name: "asc" },
    }),
    readEventFigures(db, [event.id]),
    enterpriseId
      ? db.matchEventRegistration.findUnique({
          where: { eventId_enterpriseId: { eventId: event.id, enterpriseId } },
          select: { status: true, attended: true, contactName: true },
        })
      : Promise.resolve(null),
  ]);

  const intentionWhere =
    office || manage || ownPark
      ? { eventId: event.id }
      : isParticipantBank
        ? { eventId: event.id, bankOrgId: actor.orgId }
        : enterpriseId
          ? { eventId: event.id, enterpriseId }
          : null;
  const intentions = intentionWhere
    ? await db.matchEventIntention.findMany({
        where: intentionWhere,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: INTENTIONS_CAP,
        select: {
          id: true,
          intendedFen: true,
          signedFen: true,
          termMonths: true,
          note: true,
          requestId: true,
          bank: { select: { name: true } },
          enterprise: { select: { name: true } },
          request: { select: { serial: true } },
        },
      })
    : [];
  const held = event.status === MatchEventStatus.HELD;
  const attendees =
    isParticipantBank && held && canActor(who, "events.recordIntention")
      ? (
          await db.matchEventRegistration.findMany({
            where: { eventId: event.id, status: MatchRegistrationStatus.REGISTERED, attended: true },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            take: event.capacity,
            select: { enterprise: { select: { id: true, name: true } } },
          })
        ).map((r) => ({ id: r.enterprise.id, name: r.enterprise.name }))
      : [];

  const phase = eventPhase(event, now);
  const toMark =
    manage && phase === "awaitingAttendance"
      ? (
          await db.matchEventRegistration.findMany({
            where: { eventId: event.id, status: MatchRegistrationStatus.REGISTERED },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            take: event.capacity,
            select: { id: true, enterprise: { select: { name: true } } },
          })
        ).map((r) => ({ id: r.id, name: r.enterprise.name }))
      : [];

  return {
    id: event.id,
    type: event.type,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    status: event.status,
    phase,
    version: event.version,
    organiserName: event.organiser.name,
    parkName: event.park?.org.name ?? null,
    place: event.place,
    online: event.online,
    capacity: event.capacity,
    registeredCount: event.registeredCount,
    participants,
    figures: figures.get(event.id) ?? NO_FIGURES,
    may: {
      manage,
      seeRegistrations: manage || office || ownPark || isParticipantBank,
      register: canActor(who, "events.register") && registrationOpen(event, now),
      recordIntention: isParticipantBank && held && canActor(who, "events.recordIntention"),
      raise: canActor(who, "events.raiseRequest"),
    },
    myRegistration: mine,
    intentions: intentions.map((i) => ({
      id: i.id,
      bankName: i.bank.name,
      enterpriseName: i.enterprise.name,
      intendedFen: i.intendedFen,
      signedFen: i.signedFen,
      termMonths: i.termMonths,
      note: i.note,
      requestId: i.requestId,
      requestSerial: i.request?.serial ?? null,
    })),
    attendees,
    toMark,
  };
}
