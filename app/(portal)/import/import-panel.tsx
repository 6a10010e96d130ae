"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { fieldIds } from "@/components/ui/field-ids";
import { FieldMessages } from "@/components/ui/field-messages";
import { DataTable } from "@/components/ui/data-table";

type TError = { row: number; column?: string; code: string; params?: Record<string, string | number> };
type TProgressLine = { type: "progress"; phase: "reading" | "validating" | "checking" | "inserting"; done: number; total: number };
type TResultLine =
  | { type: "result"; ok: true; inserted: number; rows: number }
  | {
      type: "result";
      ok: false;
      rows: number;
      fileError: { code: string; params?: Record<string, string | number> } | null;
      errorCount: number;
      rowCount: number;
      errors: TError[];
      report: string;
      reportName: string;
    };
type TLine = TProgressLine | TResultLine | { type: "failed" };

type TState =
  | { kind: "idle"; error?: string }
  | { kind: "running"; percent: number; label: string }
  | { kind: "done"; result: TResultLine }
  | { kind: "failed"; message: string };

// Share of the bar per step: the upload, then the server's steps (reported as they happen).
function percentOf(line: TProgressLine): number {
  const frac = line.total > 0 ? line.done / line.total : 0;
  switch (line.phase) {
    case "reading":
      return 12;
    case "validating":
      return 15 + 45 * frac;
    case "checking":
      return 62;
    case "inserting":
      return 65 + 35 * frac;
  }
}

function reportUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
}

/**
 * Upload form with an honest progress bar: the upload's bytes (XMLHttpRequest upload
 * events), then the server's own steps as it streams them (rows checked, rows written).
 */
export function ImportPanel({ uploadHref }: { uploadHref: string }) {
  const t = useTranslations("import");
  const [state, setState] = useState<TState>({ kind: "idle" });
  const [reportHref, setReportHref] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const reset = () => {
    if (reportHref) URL.revokeObjectURL(reportHref);
    setReportHref(null);
    setState({ kind: "idle" });
    setRound((r) => r + 1);
  };

  const start = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) {
      setState({ kind: "idle", error: t("form.noFile") });
      return;
    }
    const body = new FormData();
    body.append("file", file);
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let finished = false;
    setState({ kind: "running", percent: 0, label: t("progress.upload", { percent: 0 }) });
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      setState({ kind: "running", percent: percent / 10, label: t("progress.upload", { percent }) });
    };
    const consume = () => {
      if (xhr.status !== 200) return;
      const textSoFar = xhr.responseText;
      const end = textSoFar.lastIndexOf("\n");
      if (end < seen) return;
      const chunk = textSoFar.slice(seen, end);
      seen = end + 1;
      for (const raw of chunk.split("\n")) {
        if (!raw.trim()) continue;
        const line = JSON.parse(raw) as TLine;
        if (line.type === "progress") {
          setState({
            kind: "running",
            percent: percentOf(line),
            label: t(`progress.${line.phase}`, { done: line.done.toLocaleString(), total: line.total.toLocaleString() }),
          });
        } else if (line.type === "result") {
          finished = true;
          if (!line.ok) setReportHref(reportUrl(line.report));
          setState({ kind: "done", result: line });
        } else {
          finished = true;
          setState({ kind: "failed", message: t("requestFailed", { message: "500" }) });
        }
      }
    };
    xhr.onprogress = consume;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        setState({ kind: "failed", message: t("requestFailed", { message: xhr.responseText.slice(0, 200) || String(xhr.status) }) });
        return;
      }
      consume();
      if (!finished) setState({ kind: "failed", message: t("networkError") });
    };
    xhr.onerror = () => setState({ kind: "failed", message: t("networkError") });
    xhr.open("POST", uploadHref);
    xhr.send(body);
  };

  const running = state.kind === "running";
  const fileError = state.kind === "idle" ? state.error : undefined;
  const ids = fieldIds("import-file", t("form.fileHint"), fileError);

  return (
    <div className="space-y-6">
      {(state.kind === "idle" || running) && (
        <form onSubmit={start} className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
          <div>
            <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">
              {t("form.file")}
            </label>
            <input
              key={round}
              ref={inputRef}
              id="import-file"
              name="file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              disabled={running}
              aria-describedby={ids.describedBy}
              aria-invalid={fileError ? true : undefined}
              className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-medium file:text-brand-700"
            />
            <FieldMessages id="import-file" hint={t("form.fileHint")} error={fileError} />
          </div>
          <Button type="submit" pending={running} pendingLabel={t("form.running")}>
            {t("form.submit")}
          </Button>
        </form>
      )}

      {running && (
        <div className="space-y-2" aria-live="polite">
          <div
            role="progressbar"
            aria-label={t("progress.label")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(state.percent)}
            aria-valuetext={state.label}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full rounded-full bg-brand-600 transition-[width] duration-200" style={{ width: `${state.percent}%` }} />
          </div>
          <p className="text-sm tabular-nums text-slate-700">{state.label}</p>
        </div>
      )}

      {state.kind === "failed" && (
        <div role="alert" className="space-y-3 rounded-md bg-red-50 px-4 py-3 text-red-800 ring-1 ring-red-200">
          <p>{state.message}</p>
          <button type="button" onClick={reset} className="text-brand-700 underline">
            {t("form.again")}
          </button>
        </div>
      )}

      {state.kind === "done" && state.result.ok && (
        <div className="space-y-3 rounded-md bg-emerald-50 px-4 py-3 ring-1 ring-emerald-200">
          <p role="status" className="font-medium text-emerald-800">
            {t("success", { count: state.result.inserted.toLocaleString() })}
          </p>
          <button type="button" onClick={reset} className="text-brand-700 underline">
            {t("form.again")}
          </button>
        </div>
      )}

      {state.kind === "done" && !state.result.ok && <ImportErrors result={state.result} reportHref={reportHref} onAgain={reset} />}
    </div>
  );
}

function ImportErrors({
  result,
  reportHref,
  onAgain,
}: {
  result: Extract<TResultLine, { ok: false }>;
  reportHref: string | null;
  onAgain: () => void;
}) {
  const t = useTranslations("import");
  return (
    <section aria-labelledby="import-errors-title" className="space-y-3">
      <div role="alert" className="rounded-md bg-red-50 px-4 py-3 text-red-800 ring-1 ring-red-200">
        <h2 id="import-errors-title" className="font-semibold">
          {t("failedTitle")}
        </h2>
        {result.fileError ? (
          <p className="mt-1">
            {t("failedFile")}
            {t(`errors.${result.fileError.code}`, result.fileError.params ?? {})}
          </p>
        ) : (
          <p className="mt-1">
            {t("failedBody", {
              rows: result.rows.toLocaleString(),
              count: result.errorCount.toLocaleString(),
              rowCount: result.rowCount.toLocaleString(),
            })}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        {reportHref && (
          <a
            href={reportHref}
            download={result.reportName}
            className="inline-block rounded-md border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50"
          >
            {t("downloadReport")}
          </a>
        )}
        <button type="button" onClick={onAgain} className="text-brand-700 underline">
          {t("form.again")}
        </button>
      </div>
      {result.errors.length > 0 && (
        <>
          {result.errorCount > result.errors.length && (
            <p className="text-sm text-slate-600">{t("moreErrors", { shown: result.errors.length })}</p>
          )}
          <DataTable
            caption={t("failedTitle")}
            rows={result.errors.map((e, i) => ({ ...e, key: String(i) }))}
            rowKey={(e) => e.key}
            columns={[
              { key: "row", header: t("columns.row"), className: "whitespace-nowrap tabular-nums", cell: (e) => e.row },
              { key: "column", header: t("columns.column"), className: "whitespace-nowrap text-slate-700", cell: (e) => e.column ?? "—" },
              {
                key: "reason",
                header: t("columns.reason"),
                className: "text-slate-900",
                cell: (e) => t(`errors.${e.code}`, e.params ?? {}),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
