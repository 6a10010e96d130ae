"use client";

import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { asTranslator } from "@/lib/i18n/translator";
import { describeDeadlineRecompute, readDeadlineRecompute } from "@/lib/requests/deadline-recompute-note";
import { timelineContentItems, type TContentItem } from "@/lib/requests/timeline-content";
import { requestTimelineAction } from "./actions";
import { enumLabel } from "./labels";

type TEntry = {
  seq: number;
  action: string;
  occurredAt: string;
  actorName: string | null;
  actorOrgName: string | null;
  note: string | null;
  content: unknown;
};

const ENUM_GROUP: Partial<Record<TContentItem["kind"], string>> = {
  answerKind: "answerKinds",
  rating: "ratings",
  escalationReason: "escalationReasons",
  closeReason: "closeReasons",
};

/** Every ledger entry in order: when, who (and for which organization), what, and its key content. */
export function Timeline({
  requestId,
  initial,
  bankNames: initialNames,
}: {
  requestId: string;
  initial: TEntry[];
  bankNames: Record<string, string>;
}) {
  const t = useTranslations("requests");
  const td = useTranslations("requestDetail");
  const locale = resolveLocale(useLocale());
  const [entries, setEntries] = useState(initial);
  const [bankNames, setBankNames] = useState(initialNames);
  const [pending, start] = useTransition();
  const refresh = () =>
    start(async () => {
      const result = await requestTimelineAction({ requestId });
      if (result.ok) {
        setEntries(result.data.entries);
        setBankNames(result.data.bankNames);
      }
    });
  const value = (item: TContentItem): string => {
    const group = ENUM_GROUP[item.kind];
    if (group) return enumLabel(t, td, group, String(item.value));
    if (item.kind === "bool") return item.value ? td("yes") : td("no");
    // Deadlines are whole working days (they end at 23:59:59): the day is what matters.
    if (item.kind === "date") return formatDate(new Date(String(item.value)), locale);
    if (item.kind === "days") return td("workingDays", { days: Number(item.value) });
    return String(item.value);
  };
  return (
    <section aria-labelledby="timeline-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-4">
        <h2 id="timeline-title" className="text-lg font-medium">
          {t("timeline")}
        </h2>
        <button type="button" onClick={refresh} disabled={pending} className="text-sm text-brand-700 underline disabled:opacity-60">
          {t("refresh")}
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="mt-3 text-slate-600">{t("timelineEmpty")}</p>
      ) : (
        <ol className="mt-4 space-y-3 border-l-2 border-brand-100 pl-4" data-testid="timeline">
          {entries.map((e) => {
            // A recomputed deadline says old → new and which calendar change moved it.
            const recompute = e.action === "DEADLINE_RECOMPUTED" ? readDeadlineRecompute(e.content) : null;
            const lines = recompute ? describeDeadlineRecompute(recompute, asTranslator(td), (d) => formatDate(d, locale)) : null;
            const items = lines ? [] : timelineContentItems(e.content, bankNames);
            // The note often repeats a reason or comment already listed: show it once.
            const noteIsNew = e.note && !items.some((item) => String(item.value) === e.note);
            return (
              <li key={e.seq} data-testid={`timeline-${e.action}`}>
                <p className="font-medium">{enumLabel(t, td, "actions", e.action)}</p>
                <p className="text-sm text-slate-600">
                  <time dateTime={e.occurredAt}>{formatDateTime(new Date(e.occurredAt), locale)}</time> ·{" "}
                  {e.actorName
                    ? e.actorOrgName
                      ? td("actorWithOrg", { name: e.actorName, org: e.actorOrgName })
                      : e.actorName
                    : t("system")}
                </p>
                {lines?.map((line) => (
                  <p key={line} className="text-sm text-slate-800">
                    {line}
                  </p>
                ))}
                {items.map((item) => (
                  <p key={item.key} className="text-sm whitespace-pre-line text-slate-800">
                    {td("contentLine", { label: td(`timelineContent.${item.key}`), value: value(item) })}
                  </p>
                ))}
                {noteIsNew && <p className="text-sm whitespace-pre-line text-slate-800">{e.note}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
