import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { AppError } from "@/lib/errors";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { formatDateTime } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";
import { renderLedgerPdf, ledgerPdfSection } from "@/lib/pdf/render-ledger-pdf";
import { parseRequestListFilters, type TRequestListFilters } from "@/lib/requests/list-filters";
import { problemListColumns } from "@/lib/requests/problem-list";
import {
  PROBLEM_LIST_MAX_ROWS,
  PROBLEM_LIST_PDF_MAX_ROWS,
  problemListParkAllowed,
  readProblemList,
} from "@/lib/requests/queries/read-problem-list";
import type { TLedgerColumn } from "@/lib/spreadsheet/ledger-columns";
import { ledgerSheet, writeLedgerWorkbook } from "@/lib/spreadsheet/write-ledger-workbook";
import { db } from "@/lib/server/db";
import { fontOf, ledgerFileResponse, type TLedgerFormat } from "../../ledger-file";
import type { TRouteOutcome, TRouteTranslator } from "@/lib/server/route";
import type { TTranslate } from "@/lib/i18n/translator";

type TContext = {
  request: Request;
  user: TSessionUser;
  locale: TLocale;
  translator: (namespace?: string) => Promise<TRouteTranslator>;
};

function describeFilters(filters: TRequestListFilters, t: TTranslate): string {
  const parts: string[] = [];
  if (filters.status) parts.push(`${t("ledgers.problemList.filterNames.status")} ${t(`requests.statuses.${filters.status}`)}`);
  if (filters.type) parts.push(`${t("ledgers.problemList.filterNames.type")} ${t(`requests.types.${filters.type}`)}`);
  if (filters.q) parts.push(`${t("ledgers.problemList.filterNames.q")} “${filters.q}”`);
  if (filters.bank) parts.push(`${t("ledgers.problemList.filterNames.bank")} ${filters.bank}`);
  if (filters.park) parts.push(`${t("ledgers.problemList.filterNames.park")} ${filters.park}`);
  if (filters.overdue) parts.push(t("ledgers.problemList.filterNames.overdue"));
  return parts.length > 0 ? parts.join("，") : t("ledgers.problemList.noFilters");
}

const INFO_COLUMNS = (t: TTranslate): TLedgerColumn<[string, string]>[] => [
  { header: t("ledgers.problemList.info.label"), width: 16, value: (r) => r[0] },
  { header: t("ledgers.problemList.info.value"), width: 80, value: (r) => r[1] },
];

// GET /requests/problem-list/{export,pdf}?<the list page's filters> (behind defineRoute,
// policy "problemList.export"): the problem list as .xlsx or PDF with the list's scope
// (a park its own items only), filters and order, read in keyset batches. Audited with
// the filters and the number of rows.
export async function problemListDownload(ctx: TContext, format: TLedgerFormat): Promise<TRouteOutcome> {
  const params = Object.fromEntries(new URL(ctx.request.url).searchParams);
  // The file is the whole filtered list, never one page of it.
  const filters: TRequestListFilters = { ...parseRequestListFilters(params), cursor: null };
  if (filters.park && !(await problemListParkAllowed(db(), ctx.user, filters.park))) throw new AppError("notFound");
  const [t, calendar] = await Promise.all([ctx.translator(), loadWorkingCalendar(db())]);
  const now = new Date();
  const state = { rows: 0, capped: false };
  const max = format === "pdf" ? PROBLEM_LIST_PDF_MAX_ROWS : PROBLEM_LIST_MAX_ROWS;
  const rows = readProblemList(db(), ctx.user, filters, { now, state, maxRows: max });
  const columns = problemListColumns(t, ctx.locale, calendar);
  function* infoAfter(): Generator<Array<[string, string]>> {
    yield [
      [t("ledgers.problemList.info.org"), ctx.user.orgName],
      [t("ledgers.problemList.info.generatedAt"), formatDateTime(now, ctx.locale)],
      [t("ledgers.problemList.info.filters"), describeFilters(filters, t)],
      [t("ledgers.problemList.info.rows"), String(state.rows)],
      ...(state.capped ? [[t("ledgers.problemList.info.note"), t("ledgers.problemList.capped", { max })] as [string, string]] : []),
    ];
  }
  const body =
    format === "xlsx"
      ? await writeLedgerWorkbook([
          ledgerSheet({ name: t("ledgers.problemList.title"), columns, rows }),
          // Written after the list, so it can say how many rows it held and whether it was cut.
          ledgerSheet({ name: t("ledgers.problemList.infoSheet"), columns: INFO_COLUMNS(t), rows: infoAfter() }),
        ])
      : await renderLedgerPdf({
          ...fontOf(),
          title: t("ledgers.problemList.heading", { org: ctx.user.orgName }),
          lines: [
            t("ledgers.problemList.generatedAt", { at: formatDateTime(now, ctx.locale) }),
            t("ledgers.problemList.filters", { filters: describeFilters(filters, t) }),
          ],
          sections: [
            ledgerPdfSection({ heading: t("ledgers.problemList.title"), columns, rows, emptyText: t("ledgers.problemList.empty") }),
          ],
          footer: () => [
            t("ledgers.problemList.rows", { rows: state.rows }),
            ...(state.capped ? [t("ledgers.problemList.capped", { max })] : []),
          ],
          author: ctx.user.orgName,
          createdAt: now,
          size: 6,
        });
  const stamp = shanghaiDateString(now).replace(/-/g, "");
  return {
    response: ledgerFileResponse(
      body,
      format,
      `problem-list-${stamp}`,
      t("ledgers.problemList.fileName", { org: ctx.user.orgName, stamp }),
    ),
    audit: {
      action: "ledgers.problemListExported",
      details: {
        format,
        filters: {
          status: filters.status,
          type: filters.type,
          q: filters.q,
          bank: filters.bank ?? null,
          park: filters.park ?? null,
          overdue: filters.overdue ?? false,
        },
        rows: state.rows,
        capped: state.capped,
      },
    },
  };
}
