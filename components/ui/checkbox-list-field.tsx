type TOption = { id: string; name: string };

type Props = {
  /** The form field the checked ids are posted as (one value per checked box). */
  name: string;
  legend: string;
  hint: string;
  /** The hint's element id (the fieldset is described by it). */
  hintId: string;
  options: readonly TOption[];
  error?: string;
};

/**
 * A named set of checkboxes, two columns on a wide screen, scrolling past a screenful:
 * the organisations taking part in an event or a visit. Nothing is checked at first.
 */
export function CheckboxListField({ name, legend, hint, hintId, options, error }: Props) {
  return (
    <fieldset aria-describedby={hintId}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <p id={hintId} className="mt-1 text-xs text-slate-500">
        {hint}
      </p>
      <div className="mt-2 grid max-h-64 grid-cols-1 gap-y-1 overflow-y-auto sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.id} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name={name} value={o.id} />
            {o.name}
          </label>
        ))}
      </div>
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
