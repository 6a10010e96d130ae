import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, type TColumn } from "@/components/ui/data-table";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { searchAuditLog, type TAuditRow } from "@/lib/audit/queries/search-audit-log";
import {
  AUDIT_FILTER_FIELDS,
  AUDIT_OUTCOMES,
  AUDIT_PAGE_SIZE,
  auditSearchQuery,
  parseAuditSearch,
  type TAuditFilterField,
  type TAuditOutcome,
} from "@/lib/audit/schemas";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale, type TLocale } from "@/lib/i18n/locales";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { actionLabeler } from "./labels";

export const dynamic = "force-dynamic";

type TSearchParams = Record<string, string | string[] | undefined>;

const OUTCOME_TONE: Record<TAuditOutcome, TBadgeTone> = { SUCCESS: "ok", DENIED: "warn", FAILURE: "danger" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const user = await requirePermission("audit.read");
  const [t, locale] = await Promise.all([getTranslations("audit"), getLocale().then(resolveLocale)]);
  const parsed = parseAuditSearch(await searchParams);
  const values: Record<TAuditFilterField, string> = parsed.ok
    ? (Object.fromEntries(AUDIT_FILTER_FIELDS.map((k) => [k, parsed.filters[k] ?? ""])) as Record<TAuditFilterField, string>)
    : parsed.raw;
  const errors = parsed.ok ? {} : parsed.errors;
  const result = parsed.ok ? await searchAuditLog(db(), parsed.filters, { cursor: parsed.cursor }) : null;
  const label = actionLabeler(t);
  const query = auditSearchQuery(values);
  const errorFor = (field: TAuditFilterField) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="text-sm text-slate-600">{t("retention")}</p>

      <section aria-labelledby="audit-filters" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="audit-filters" className="text-lg font-medium">
          {t("filters")}
        </h2>
        <form method="get" action="/audit" className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" noValidate>
          <TextField
            id="audit-from"
            name="from"
            type="date"
            label={t("from")}
            hint={t("dateHint")}
            defaultValue={values.from}
            error={errorFor("from")}
          />
          <TextField
            id="audit-to"
            name="to"
            type="date"
            label={t("to")}
            hint={t("dateHint")}
            defaultValue={values.to}
            error={errorFor("to")}
          />
          <TextField
            id="audit-account"
            name="account"
            maxLength={64}
            label={t("account")}
            hint={t("accountHint")}
            defaultValue={values.account}
            error={errorFor("account")}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            id="audit-org"
            name="org"
            maxLength={100}
            label={t("org")}
            hint={t("orgHint")}
            defaultValue={values.org}
            error={errorFor("org")}
            autoComplete="off"
          />
          <TextField
            id="audit-action"
            name="action"
            maxLength={100}
            label={t("action")}
            hint={t("actionHint")}
            defaultValue={values.action}
            error={errorFor("action")}
            autoComplete="off"
            spellCheck={false}
          />
          <SelectField
            id="audit-outcome"
            name="outcome"
            label={t("outcome")}
            defaultValue={AUDIT_OUTCOMES.includes(values.outcome as TAuditOutcome) ? values.outcome : ""}
            placeholder={t("anyOutcome")}
            options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
            error={errors.outcome ? t(`errors.${errors.outcome}`) : undefined}
          />
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
            <Button type="submit">{t("search")}</Button>
            <Link href="/audit" className="text-brand-700 underline">
              {t("reset")}
            </Link>
          </div>
        </form>
      </section>

      {!parsed.ok && (
        <div role="alert" className="rounded-md bg-red-50 px-4 py-3 text-red-800 ring-1 ring-red-200">
          <p>{t("invalid")}</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.values(errors).map((code) => (
              <li key={code}>{t(`errors.${code}`)}</li>
            ))}
          </ul>
          {errors.cursor && (
            <Link href={query ? `/audit?${query}` : "/audit"} className="mt-2 inline-block underline">
              {t("firstPage")}
            </Link>
          )}
        </div>
      )}

      {result && (
        <section aria-labelledby="audit-results" className="space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 id="audit-results" className="text-lg font-medium">
                {t("results")}
              </h2>
              <p className="text-sm text-slate-600">{t("pageSize", { count: AUDIT_PAGE_SIZE })}</p>
            </div>
            {can(user.role, "audit.export") && (
              <div className="text-right">
                <DownloadLink
                  href={query ? `/audit/export?${query}` : "/audit/export"}
                  className="inline-block rounded-md border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50"
                >
                  {t("export")}
                </DownloadLink>
                <p className="mt-1 text-xs text-slate-500">{t("exportHint")}</p>
              </div>
            )}
          </div>
          {result.rows.length === 0 ? (
            <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
          ) : (
            <DataTable
              caption={t("title")}
              rows={result.rows}
              rowKey={(row) => row.id}
              columns={auditColumns({ t, locale, label, noActor: t("noActor") })}
            />
          )}
          <nav aria-label={t("results")} className="flex gap-4">
            {parsed.ok && parsed.cursor && (
              <Link href={query ? `/audit?${query}` : "/audit"} className="text-brand-700 underline">
                {t("firstPage")}
              </Link>
            )}
            {result.next && (
              <Link href={`/audit?${auditSearchQuery(values, result.next)}`} rel="next" className="text-brand-700 underline">
                {t("nextPage")}
              </Link>
            )}
          </nav>
        </section>
      )}
    </main>
  );
}

function attemptedLogin(details: unknown): string | null {
  if (details && typeof details === "object" && "login" in details && typeof details.login === "string") return details.login;
  return null;
}

type TAuditT = Awaited<ReturnType<typeof getTranslations<"audit">>>;

function auditColumns({
  t,
  locale,
  label,
  noActor,
}: {
  t: TAuditT;
  locale: TLocale;
  label: (action: string) => string;
  noActor: string;
}): TColumn<TAuditRow>[] {
  return [
    {
      key: "time",
      header: t("columns.time"),
      className: "whitespace-nowrap tabular-nums text-slate-700",
      cell: (row) => <time dateTime={row.occurredAt.toISOString()}>{formatDateTime(row.occurredAt, locale)}</time>,
    },
    {
      key: "account",
      header: t("columns.account"),
      cell: (row) => {
        if (row.actorAccount) {
          return (
            <>
              <span className="font-mono text-slate-900">{row.actorAccount}</span>
              <span className="block text-slate-600">{row.actorName}</span>
            </>
          );
        }
        const login = attemptedLogin(row.details);
        return (
          <>
            <span className="text-slate-600">{noActor}</span>
            {login && <span className="block font-mono text-slate-700">{login}</span>}
          </>
        );
      },
    },
    { key: "org", header: t("columns.org"), className: "text-slate-700", onCard: false, cell: (row) => row.orgName ?? "—" },
    {
      key: "action",
      header: t("columns.action"),
      cell: (row) => {
        const actionLabel = label(row.action);
        return (
          <>
            <span className="text-slate-900">{actionLabel}</span>
            {actionLabel !== row.action && <span className="block font-mono text-xs text-slate-500">{row.action}</span>}
          </>
        );
      },
    },
    {
      key: "target",
      header: t("columns.target"),
      className: "max-w-56 text-slate-700",
      onCard: false,
      cell: (row) =>
        row.targetType || row.targetId ? (
          <>
            {row.targetType && <span className="block">{row.targetType}</span>}
            {row.targetId && <span className="block break-all font-mono text-xs text-slate-500">{row.targetId}</span>}
          </>
        ) : (
          "—"
        ),
    },
    {
      key: "outcome",
      header: t("columns.outcome"),
      className: "whitespace-nowrap",
      cell: (row) => <Badge tone={OUTCOME_TONE[row.outcome]}>{t(`outcomes.${row.outcome}`)}</Badge>,
    },
    {
      key: "ip",
      header: t("columns.ip"),
      className: "whitespace-nowrap font-mono text-xs text-slate-700",
      onCard: false,
      cell: (row) => row.ip ?? "—",
    },
  ];
}
