import Link from "next/link";

type Props = {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; summary: string; previous: string; next: string };
};

// "第 2 / 8 页" with previous/next links; hidden when there is nothing to page through.
export function Pagination({ page, pages, hrefFor, labels }: Props) {
  return (
    <nav aria-label={labels.nav} className="flex items-center justify-between text-sm text-slate-700">
      <span>{labels.summary}</span>
      <span className="flex gap-3">
        {page > 1 && (
          <Link href={hrefFor(page - 1)} className="text-brand-700 underline">
            {labels.previous}
          </Link>
        )}
        {page < pages && (
          <Link href={hrefFor(page + 1)} className="text-brand-700 underline">
            {labels.next}
          </Link>
        )}
      </span>
    </nav>
  );
}

/** A translator of a namespace that has the four pager messages under these keys. */
type TPagerMessages = (
  key: "pagination" | "pageOf" | "previous" | "next",
  values?: { page: number; pages: number; total: number },
) => string;

/** The pager's labels from a namespace's "pagination", "pageOf", "previous" and "next" messages. */
export function pagerLabels(t: TPagerMessages, at: { page: number; pages: number; total: number }): Props["labels"] {
  return { nav: t("pagination"), summary: t("pageOf", at), previous: t("previous"), next: t("next") };
}
