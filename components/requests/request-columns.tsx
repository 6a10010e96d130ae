import Link from "next/link";
import type { TColumn } from "@/components/ui/data-table";
import { linkClass } from "@/components/ui/link-styles";

type TRequestRef = { id: string; serial: string; title: string };

/**
 * The two columns every list of requests opens with: the serial (monospace, never wrapped)
 * and the title, which names the row and links to the request.
 */
export function requestSerialAndTitleColumns<Row extends TRequestRef>(headers: { serial: string; title: string }): TColumn<Row>[] {
  return [
    { key: "serial", header: headers.serial, className: "font-mono whitespace-nowrap", cell: (r) => r.serial },
    {
      key: "title",
      header: headers.title,
      rowHeader: true,
      cell: (r) => (
        <Link href={`/requests/${r.id}`} className={linkClass}>
          {r.title}
        </Link>
      ),
    },
  ];
}
