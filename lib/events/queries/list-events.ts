/**
 * The event calendar (对接活动), latest start first, a keyset page at a time, scoped by
 * loadEventScope, each row with its figures (readEventFigures, for the page's events
 * only). Index: MatchEvent(startsAt desc, id desc), and (parkId, startsAt, id) for a park.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { MatchEventStatus, MatchEventType } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { loadEventScope } from "@/lib/events/queries/load-event-scope";
import { NO_FIGURES, readEventFigures, type TEventFigures } from "@/lib/events/queries/read-event-figures";
import { emptyKeysetPage, newestFirst, readFilteredPage } from "@/lib/pagination/keyset";
import type { TFilteredRead, TKeysetPage, TPageCursor } from "@/lib/pagination/keyset";

export const EVENT_PAGE_SIZE = 25;

export type TEventRow = {
  id: string;
  type: MatchEventType;
  title: string;
  startsAt: Date;
  status: MatchEventStatus;
  organiserName: string;
  parkName: string | null;
  place: string | null;
  online: boolean;
  capacity: number;
  registeredCount: number;
  figures: TEventFigures;
};

export const EVENT_ROW_SELECT = {
  id: true,
  type: true,
  title: true,
  startsAt: true,
  status: true,
  place: true,
  online: true,
  capacity: true,
  registeredCount: true,
  organiser: { select: { name: true } },
  park: { select: { org: { select: { name: true } } } },
} as const satisfies Prisma.MatchEventSelect;

export function eventRow(r: Prisma.MatchEventGetPayload<{ select: typeof EVENT_ROW_SELECT }>): TEventRow {
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    startsAt: r.startsAt,
    status: r.status,
    organiserName: r.organiser.name,
    parkName: r.park?.org.name ?? null,
    place: r.place,
    online: r.online,
    capacity: r.capacity,
    registeredCount: r.registeredCount,
    figures: NO_FIGURES,
  };
}

export async function listEvents(
  db: PrismaClient,
  actor: TActorSource,
  cursor: TPageCursor | null = null,
): Promise<TKeysetPage<TEventRow>> {
  const scope = await loadEventScope(db, actor);
  if (isNothing(scope)) return emptyKeysetPage();
  const page = await readFilteredPage(
    {
      ...newestFirst("startsAt"),
      where: scope,
      find: async (q: TFilteredRead<Prisma.MatchEventWhereInput, Prisma.MatchEventOrderByWithRelationInput>) =>
        (await db.matchEvent.findMany({ ...q, select: EVENT_ROW_SELECT })).map(eventRow),
    },
    cursor,
    EVENT_PAGE_SIZE,
  );
  const figures = await readEventFigures(
    db,
    page.rows.map((r) => r.id),
  );
  return { ...page, rows: page.rows.map((r) => ({ ...r, figures: figures.get(r.id) ?? NO_FIGURES })) };
}
