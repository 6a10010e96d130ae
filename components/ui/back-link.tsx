import Link from "next/link";
import { linkClass } from "./link-styles";

/** "← 返回…" above a page's header, to the list or index it was opened from. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className={`text-sm ${linkClass}`}>
      {label}
    </Link>
  );
}
