import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/link-styles";
import { ListPage } from "@/components/ui/list-page";
import { can } from "@/lib/auth/permissions";
import { listEvents, type TEventRow } from "@/lib/events/queries/list-events";
import { eventPhase } from "@/lib/events/rules";
import { formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { parsePageCursor } from "@/lib/pagination/keyset";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { BankFiguresSection } from "./bank-figures-section";
import { PHASE_TONE } from "./phase-tone";

export const dynamic = "force-dynamic";

// The matching events (对接活动) the user may see, latest first: every event for the offices
// and banks, the city-wide ones and their park's for a park window and its enterprises.
export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("events.read");
  const params = await searchParams;
  const [t, locale, page] = await Promise.all([
    getTranslations("events"),
    getLocale().then(resolveLocale),
    listEvents(db(), user, parsePageCursor(params)),
  ]);
  const now = new Date();
  const office = user.orgKind === "FINANCE_OFFICE" || user.orgKind === "CENTRAL_BANK";
  return (
    <ListPage<TEventRow>
      t={t}
      path="/events"
      create={can(user.role, "events.manage") && { href: "/events/new", label: t("create") }}
      exportFile={can(user.role, "events.export") && { href: "/events/export", label: t("exportButton") }}
      empty={{ title: t("emptyTitle"), body: t("emptyBody") }}
      page={page}
      table={{
        testId: "events-list",
        rowKey: (r) => r.id,
        rowTestId: () => "event-row",
        columns: [
          {
            key: "title",
            header: t("columns.title"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/events/${r.id}`} className={linkClass}>
                {r.title}
              </Link>
            ),
          },
          { key: "type", header: t("columns.type"), onCard: true, cell: (r) => t(`types.${r.type}`) },
          { key: "startsAt", header: t("columns.startsAt"), onCard: true, cell: (r) => formatDateTime(r.startsAt, locale) },
          { key: "park", header: t("columns.park"), onCard: true, cell: (r) => r.parkName ?? t("cityWide") },
          { key: "organiser", header: t("columns.organiser"), cell: (r) => r.organiserName },
          {
            key: "status",
            header: t("columns.status"),
            onCard: true,
            cell: (r) => {
              const phase = eventPhase(r, now);
              return (
                <Badge tone={PHASE_TONE[phase]} testId="event-phase">
                  {t(`phases.${phase}`)}
                </Badge>
              );
            },
          },
          {
            key: "seats",
            header: t("columns.seats"),
            numeric: true,
            onCard: true,
            cell: (r) => t("seatsValue", { registered: r.registeredCount, capacity: r.capacity }),
          },
          { key: "attended", header: t("columns.attended"), numeric: true, cell: (r) => r.figures.attended },
          { key: "intentions", header: t("columns.intentions"), numeric: true, cell: (r) => r.figures.intentions },
          {
            key: "signed",
            header: t("columns.signed"),
            numeric: true,
            cell: (r) => t("wanYuan", { amount: formatWanYuan(r.figures.signedFen, locale) }),
          },
        ],
      }}
    >
      {office && <BankFiguresSection now={now} />}
    </ListPage>
  );
}
