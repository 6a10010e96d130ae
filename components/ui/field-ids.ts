/** A text field's limit and how much of it is used (shown under the field, checked by the server). */
export type TFieldCount = { length: number; max: number };

// The ids a form field's control points at (aria-describedby) for its hint, error and
// count, so screen readers announce them with the field. Kept out of the client module
// FieldMessages: SelectField computes them while rendering on the server.
export function fieldIds(id: string, hint?: string, error?: string, count?: TFieldCount) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const describedBy = [hint ? hintId : null, error ? errorId : null, count ? countId : null].filter(Boolean).join(" ") || undefined;
  return { hintId, errorId, countId, describedBy };
}
