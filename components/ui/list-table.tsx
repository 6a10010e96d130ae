import { DataTable } from "./data-table";
import { EmptyState } from "./empty-state";

/** A list's table, or what to say instead when it has no rows. */
export function ListTable<Row>({ empty, ...table }: Parameters<typeof DataTable<Row>>[0] & { empty: { title: string; body: string } }) {
  return table.rows.length === 0 ? <EmptyState title={empty.title} body={empty.body} /> : <DataTable {...table} />;
}
