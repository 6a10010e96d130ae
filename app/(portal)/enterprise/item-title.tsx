import Link from "next/link";
import type { TTrackedItem } from "@/lib/dashboard/queries/get-enterprise-dashboard";

// An item's title as the heading of its card or row, linking to the item.
export function ItemTitle({ item }: { item: Pick<TTrackedItem, "id" | "title"> }) {
  return (
    <h3 className="font-medium break-words">
      <Link href={`/requests/${item.id}`} className="text-brand-700 underline-offset-4 hover:underline">
        {item.title}
      </Link>
    </h3>
  );
}
