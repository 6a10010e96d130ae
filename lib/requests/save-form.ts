/**
 * The request form as posted → what ZSaveRequest parses. FormData gives one string for a
 * single ticked checkbox, an array for several and nothing for none, and the "other"
 * text box may hold several products separated by commas: this makes it one clean list
 * (trimmed, no blanks, no duplicates, in the order given). Empty hidden ids are dropped
 * so a new item is not mistaken for an update. Pure, so the action and tests share it.
 */
export function normalizeSaveRequestForm(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const { preferredProducts, preferredProductsOther, requestId, version, ...rest } = raw as Record<string, unknown>;
  const ticked = (Array.isArray(preferredProducts) ? preferredProducts : [preferredProducts]).filter(
    (v): v is string => typeof v === "string",
  );
  const typed = typeof preferredProductsOther === "string" ? preferredProductsOther.split(/[,，、;；\n]/) : [];
  const products = [...new Set([...ticked, ...typed].map((v) => v.trim()).filter((v) => v.length > 0))];
  return {
    ...rest,
    // Anything but an empty id is kept for the schema to check: a malformed one is refused, not taken for a new item.
    ...(requestId !== undefined && requestId !== "" ? { requestId } : {}),
    ...(requestId !== undefined && version !== undefined && version !== "" ? { version } : {}),
    preferredProducts: products,
  };
}
