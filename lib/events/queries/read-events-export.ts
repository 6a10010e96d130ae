/**
 * The event calendar for its Excel export: the page's scope and order, up to
 * EVENT_EXPORT_CAP rows, each with its figures (grouped per batch of events).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import { isNothing } from "@/lib/auth/scopes";
import { EVENT_ROW_SELECT, eventRow, type TEventRow } from "@/lib/events/queries/list-events";
import { loadEventScope } from "@/lib/events/queries/load-event-scope";
import { NO_FIGURES, readEventFigures } from "@/lib/events/queries/read-event-figures";

export const EVENT_EXPORT_CAP = 10_000;

export async function readEventsExport(db: PrismaClient, actor: TActorSource): Promise<{ rows: TEventRow[]; capped: boolean }> {
  const scope = await loadEventScope(db, actor);
  if (isNothing(scope)) return { rows: [], capped: false };
  const found = await db.matchEvent.findMany({
    where: scope,
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: EVENT_EXPORT_CAP + 1,
    select: EVENT_ROW_SELECT,
  });
  const capped = found.length > EVENT_EXPORT_CAP;
  const rows = found.slice(0, EVENT_EXPORT_CAP).map(eventRow);
  const figures = await readEventFigures(
    db,
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => ({ ...r, figures: figures.get(r.id) ?? NO_FIGURES })), capped };
}
