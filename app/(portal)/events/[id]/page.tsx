import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { DetailList } from "@/components/ui/detail-list";
import { DownloadLink } from "@/components/ui/download-link";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { linkClass, secondaryLinkClass } from "@/components/ui/link-styles";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { can } from "@/lib/auth/permissions";
import { getEventDetail, type TEventIntention } from "@/lib/events/queries/get-event-detail";
import { listEventRegistrations, type TRegistrationRow } from "@/lib/events/queries/list-event-registrations";
import { formatDateTime, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/ids";
import { cursorParam, parsePageCursor } from "@/lib/pagination/keyset";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { PHASE_TONE } from "../phase-tone";
import { AttendanceForm } from "./attendance-form";
import { CancelEventForm } from "./cancel-event-form";
import { CancelRegistrationForm } from "./cancel-registration-form";
import { IntentionForm } from "./intention-form";
import { RaiseRequestForm } from "./raise-request-form";
import { RegisterForm } from "./register-form";

export const dynamic = "force-dynamic";

export default async function EventPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("events.read");
  const { id } = await params;
  const event = isUuid(id) ? await getEventDetail(db(), user, id) : null;
  if (!event) notFound();
  const query = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("events"), getLocale().then(resolveLocale)]);
  const none = t("none");
  const money = (fen: bigint) => t("wanYuan", { amount: formatWanYuan(fen, locale) });
  const registrations = event.may.seeRegistrations
    ? await listEventRegistrations(db(), event.id, { fullMobile: event.may.manage, cursor: parsePageCursor(query, "reg") })
    : null;
  const mine = event.myRegistration?.status === "REGISTERED" ? event.myRegistration : null;

  const rows: [string, ReactNode][] = [
    [t("columns.type"), t(`types.${event.type}`)],
    [t("columns.startsAt"), formatDateTime(event.startsAt, locale)],
    [t("columns.place"), [event.place, event.online ? t("online") : null].filter(Boolean).join(" · ") || none],
    [t("columns.park"), event.parkName ?? t("cityWide")],
    [t("columns.organiser"), event.organiserName],
    [t("columns.participants"), event.participants.map((p) => p.name).join("、") || none],
    [
      t("columns.status"),
      <Badge key="phase" tone={PHASE_TONE[event.phase]} testId="event-phase">
        {t(`phases.${event.phase}`)}
      </Badge>,
    ],
    [
      t("columns.seats"),
      <span key="seats" data-testid="event-seats">
        {t("seatsValue", { registered: event.registeredCount, capacity: event.capacity })}
      </span>,
    ],
    [t("columns.attended"), event.figures.attended],
    [t("columns.intentions"), event.figures.intentions],
    [t("columns.intended"), money(event.figures.intendedFen)],
    [t("columns.signed"), money(event.figures.signedFen)],
    [t("columns.raised"), event.figures.raised],
    [t("columns.description"), event.description ?? none],
  ];

  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/events" label={t("back")} />
      <PageHeader eyebrow={t("title")} title={event.title} />
      <DetailList rows={rows} />

      {can(user.role, "events.register") && (
        <Panel title={t("register.title")} testId="my-registration">
          {mine ? (
            <div className="space-y-2">
              <p className="text-slate-800" data-testid="my-registration-status">
                {mine.attended
                  ? t("register.attended", { name: mine.contactName })
                  : t("register.registeredAs", { name: mine.contactName })}
              </p>
              {event.may.register && <CancelRegistrationForm eventId={event.id} />}
            </div>
          ) : event.may.register ? (
            <RegisterForm eventId={event.id} />
          ) : (
            <p className="text-sm text-slate-600">{t("register.closed")}</p>
          )}
        </Panel>
      )}

      {event.may.manage && event.phase === "awaitingAttendance" && (
        <Panel title={t("attendance.title")}>
          <AttendanceForm eventId={event.id} version={event.version} registrations={event.toMark} />
        </Panel>
      )}
      {event.may.manage && event.status === "OPEN" && event.phase !== "awaitingAttendance" && (
        <CancelEventForm eventId={event.id} version={event.version} />
      )}

      {event.may.recordIntention && (
        <Panel title={t("intention.title")} hint={t("intention.hint")}>
          <IntentionForm eventId={event.id} attendees={event.attendees} />
        </Panel>
      )}

      {(event.intentions.length > 0 || event.status === "HELD") && (
        <Panel title={t("intentions.title")} testId="event-intentions">
          {event.intentions.length === 0 ? (
            <p className="text-sm text-slate-600">{t("intentions.empty")}</p>
          ) : (
            <DataTable<TEventIntention>
              caption={t("intentions.title")}
              rows={event.intentions}
              rowKey={(r) => r.id}
              rowTestId={() => "intention-row"}
              columns={[
                { key: "bank", header: t("columns.bank"), rowHeader: true, cell: (r) => r.bankName },
                { key: "enterprise", header: t("columns.enterprise"), onCard: true, cell: (r) => r.enterpriseName },
                { key: "intended", header: t("columns.intended"), numeric: true, onCard: true, cell: (r) => money(r.intendedFen) },
                { key: "signed", header: t("columns.signed"), numeric: true, onCard: true, cell: (r) => money(r.signedFen) },
                {
                  key: "term",
                  header: t("columns.term"),
                  numeric: true,
                  cell: (r) => (r.termMonths ? t("months", { months: r.termMonths }) : none),
                },
                { key: "note", header: t("columns.note"), cell: (r) => r.note ?? none },
                {
                  key: "request",
                  header: t("columns.request"),
                  onCard: true,
                  cell: (r) =>
                    r.requestId ? (
                      <Link href={`/requests/${r.requestId}`} className={linkClass} data-testid="intention-request">
                        {r.requestSerial}
                      </Link>
                    ) : event.may.raise ? (
                      <RaiseRequestForm intentionId={r.id} />
                    ) : (
                      none
                    ),
                },
              ]}
            />
          )}
        </Panel>
      )}

      {registrations && (
        <Panel title={t("registrations.title")} testId="event-registrations">
          {can(user.role, "events.export") && (
            <DownloadLink href={`/events/${event.id}/registrations/export`} className={secondaryLinkClass}>
              {t("registrations.export")}
            </DownloadLink>
          )}
          {registrations.rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t("registrations.empty")}</p>
          ) : (
            <DataTable<TRegistrationRow>
              caption={t("registrations.title")}
              rows={registrations.rows}
              rowKey={(r) => r.id}
              rowTestId={() => "registration-row"}
              columns={[
                { key: "enterprise", header: t("columns.enterprise"), rowHeader: true, cell: (r) => r.enterpriseName },
                { key: "contact", header: t("registrations.contact"), onCard: true, cell: (r) => `${r.contactName} ${r.contactPhone}` },
                { key: "at", header: t("registrations.at"), cell: (r) => formatDateTime(r.createdAt, locale) },
                {
                  key: "status",
                  header: t("columns.status"),
                  onCard: true,
                  cell: (r) =>
                    r.status === "CANCELLED" ? (
                      <Badge tone="muted">{t("registrations.cancelled")}</Badge>
                    ) : r.attended ? (
                      <Badge tone="ok">{t("registrations.attended")}</Badge>
                    ) : (
                      <Badge tone="info">{t("registrations.registered")}</Badge>
                    ),
                },
              ]}
            />
          )}
          <KeysetPager
            previous={registrations.previous}
            next={registrations.next}
            hrefFor={(c) => `/events/${event.id}?${cursorParam(c.direction, "reg")}=${c.token}`}
            labels={{ nav: t("pager"), previous: t("previous"), next: t("next") }}
          />
        </Panel>
      )}
    </main>
  );
}
