import { TextField } from "./text-field";

/** One field of a row; its label names the row's number ("成员 1 姓名"). */
export type TRowField = { key: string; label: (n: number) => string; type?: "text" | "date" | "tel"; maxLength?: number };

type TFieldProps = { name: string; value: string; onChange: (event: React.ChangeEvent<HTMLInputElement>) => void };

type Props = {
  legend: string;
  hint: string;
  /** How many rows the form offers; the first must be filled, the others may stay empty. */
  rows: number;
  fields: readonly TRowField[];
  /** The posted name of a row's field (the schema's own, e.g. `team.0.name`). */
  nameOf: (key: string, row: number) => string;
  /** The form's value binding (useFields().bind) and field errors (useFormErrors().field). */
  bind: (name: string) => TFieldProps;
  error: (name: string) => string | undefined;
  /** The grid of one row on a wide screen (e.g. "sm:grid-cols-3"). */
  gridClassName: string;
};

/**
 * A fixed number of rows of the same fields (a plan's team, a summons' measures): a form
 * posts them as numbered fields, so it works without JavaScript and keeps what was typed
 * after a refusal.
 */
export function RowFields({ legend, hint, rows, fields, nameOf, bind, error, gridClassName }: Props) {
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">{legend}</legend>
      <p className="text-sm text-slate-600">{hint}</p>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`grid gap-3 ${gridClassName}`}>
          {fields.map((f) => (
            <TextField
              key={f.key}
              {...bind(nameOf(f.key, i))}
              type={f.type}
              label={f.label(i + 1)}
              required={i === 0}
              maxLength={f.maxLength}
              error={error(nameOf(f.key, i))}
            />
          ))}
        </div>
      ))}
    </fieldset>
  );
}
