// The hint and error under a form field, with the ids its control points at
// (aria-describedby), so screen readers announce them with the field.
export function fieldIds(id: string, hint?: string, error?: string) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { hintId, errorId, describedBy };
}

export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const { hintId, errorId } = fieldIds(id, hint, error);
  return (
    <>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
