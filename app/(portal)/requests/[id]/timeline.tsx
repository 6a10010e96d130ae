"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/i18n/format";
import { requestTimelineAction } from "./actions";

type TEntry = { seq: number; action: string; occurredAt: string; actorName: string | null; note: string | null };

export function Timeline({ requestId, initial }: { requestId: string; initial: TEntry[] }) {
  const t = useTranslations("requests");
  const [entries, setEntries] = useState(initial);
  const [pending, start] = useTransition();
  const refresh = () =>
    start(async () => {
      const result = await requestTimelineAction({ requestId });
      if (result.ok) setEntries(result.data);
    });
  return (
    <section aria-labelledby="timeline-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-4">
        <h2 id="timeline-title" className="text-lg font-medium">{t("timeline")}</h2>
        <button type="button" onClick={refresh} disabled={pending} className="text-sm text-brand-700 underline disabled:opacity-60">
          {t("refresh")}
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="mt-3 text-slate-600">{t("timelineEmpty")}</p>
      ) : (
        <ol className="mt-4 space-y-3 border-l-2 border-brand-100 pl-4">
          {entries.map((e) => (
            <li key={e.seq}>
              <p className="font-medium">{t(`actions.${e.action}`)}</p>
              <p className="text-sm text-slate-600">
                <time dateTime={e.occurredAt}>{formatDateTime(new Date(e.occurredAt))}</time> · {e.actorName ?? t("system")}
              </p>
              {e.note && <p className="text-sm text-slate-800">{e.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
