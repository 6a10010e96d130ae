import Link from "next/link";
import type { ReactNode } from "react";
import { cursorParam, type TKeysetPage } from "@/lib/pagination/keyset";
import { DataTable, type TDataTableProps } from "./data-table";
import { DownloadLink } from "./download-link";
import { EmptyState } from "./empty-state";
import { KeysetPager } from "./keyset-pager";
import { buttonLinkClass, secondaryLinkClass } from "./link-styles";
import { PageHeader } from "./page-header";

/** A feature's messages: the page reads its `title`, `intro`, `pager`, `previous` and `next`. */
type TListTranslator = (key: string) => string;

type TLinkAction = { href: string; label: string };

type Props<Row> = {
  t: TListTranslator;
  /** The list's path; the pager's links are `path?query&after=…`. */
  path: string;
  /** The list's own URL parameters (a filter, a tab) that the pager's links keep. */
  query?: string;
  /** The wide lists (amounts, several figures per row) take more of the screen. */
  wide?: boolean;
  /** The page's main action (新建 / 登记), for those allowed it. */
  create?: TLinkAction | false;
  /** The list as a file: false for those not allowed it, left out where the list has none. */
  exportFile?: TLinkAction | false;
  /** Between the header and the list: tabs, a filter form, what the filter names. */
  above?: ReactNode;
  /** Said instead of the table when the page has no rows. */
  empty: { title: string; body: string };
  page: Pick<TKeysetPage<Row>, "rows" | "previous" | "next">;
  /** The table of the rows; its caption is the page's title unless given. */
  table: Omit<TDataTableProps<Row>, "rows" | "caption"> & { caption?: string };
  /** Under the pager: sections of the page that are not the list. */
  children?: ReactNode;
};

/**
 * A keyset-paged list page: its header (title, intro, create and export links), what
 * stands above the list, the rows as a table (cards on a phone) or a sentence when there
 * are none, and the previous/next pager. Presentational: the page reads the rows and the
 * permissions and passes them in with its translator.
 */
export function ListPage<Row>({ t, path, query, wide, create, exportFile, above, empty, page, table, children }: Props<Row>) {
  const { caption, ...tableProps } = table;
  const createLink = create && (
    <Link href={create.href} className={buttonLinkClass}>
      {create.label}
    </Link>
  );
  // A list without an export has at most one action, which stands alone in the header.
  const actions =
    exportFile === undefined ? (
      createLink || undefined
    ) : (
      <span className="flex flex-wrap gap-3">
        {createLink}
        {exportFile && (
          <DownloadLink href={exportFile.href} className={secondaryLinkClass}>
            {exportFile.label}
          </DownloadLink>
        )}
      </span>
    );
  return (
    <main id="main" className={`mx-auto ${wide ? "max-w-6xl" : "max-w-5xl"} space-y-6 px-4 py-8 sm:px-8`}>
      <PageHeader title={t("title")} intro={t("intro")} actions={actions} />
      {above}
      {page.rows.length === 0 ? (
        <EmptyState title={empty.title} body={empty.body} />
      ) : (
        <DataTable<Row> {...tableProps} caption={caption ?? t("title")} rows={page.rows} />
      )}
      <KeysetPager
        previous={page.previous}
        next={page.next}
        hrefFor={(c) => `${path}?${[query, `${cursorParam(c.direction)}=${c.token}`].filter(Boolean).join("&")}`}
        labels={{ nav: t("pager"), previous: t("previous"), next: t("next") }}
      />
      {children}
    </main>
  );
}
