import Link from "next/link";
import type { TPageCursor } from "@/lib/pagination/keyset";

type Props = {
  /** Cursor tokens of the neighbouring pages (lib/pagination/keyset.ts); null: none that way. */
  previous: string | null;
  next: string | null;
  /** The URL of the same list starting at a cursor. */
  hrefFor: (cursor: TPageCursor) => string;
  labels: { nav: string; previous: string; next: string; summary?: string };
};

// "上一页 / 下一页" for keyset-paged lists: the links carry the cursor of the first or last
// row shown, so every page costs the same to read, however deep. There is no page number
// (counting the rows before a page would cost what keyset paging saves); the summary, when
// given, is the list's size. Hidden when there is nothing to say and nowhere to go.
export function KeysetPager({ previous, next, hrefFor, labels }: Props) {
  if (!previous && !next && !labels.summary) return null;
  return (
    <nav aria-label={labels.nav} className="flex items-center justify-between text-sm text-slate-700">
      <span>{labels.summary}</span>
      <span className="flex gap-3">
        {previous && (
          <Link href={hrefFor({ direction: "before", token: previous })} rel="prev" className="text-brand-700 underline">
            {labels.previous}
          </Link>
        )}
        {next && (
          <Link href={hrefFor({ direction: "after", token: next })} rel="next" className="text-brand-700 underline">
            {labels.next}
          </Link>
        )}
      </span>
    </nav>
  );
}
