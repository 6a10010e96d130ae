/**
 * Rules of the public park finance directory (园区金融服务名录). Pure: no I/O.
 *
 * - Which year: the latest program year with park–bank pairings that has begun (≤ this
 *   year in China); before any has begun, the earliest planned one.
 * - Which contact: a bank's current contact is its latest filing by effective date that
 *   is already in effect (ties: the later filing). A branch or sub-branch with none on
 *   file shows its nearest parent bank's current contact, labelled as such: the program
 *   requires every paired bank to publish a liaison, and a branch that has not filed its
 *   own is reached through its parent's.
 */

export function pickDirectoryYear(years: readonly number[], currentYear: number): number | null {
  const begun = years.filter((y) => y <= currentYear);
  if (begun.length > 0) return Math.max(...begun);
  return years.length > 0 ? Math.min(...years) : null;
}

export type TContactCandidate = { bankOrgId: string; effectiveOn: string; filedAt: string };

/** The latest contact in effect on `today` (YYYY-MM-DD) per bank. */
export function latestContactPerBank<C extends TContactCandidate>(contacts: readonly C[], today: string): Map<string, C> {
  const out = new Map<string, C>();
  for (const c of contacts) {
    if (c.effectiveOn > today) continue;
    const had = out.get(c.bankOrgId);
    if (!had || c.effectiveOn > had.effectiveOn || (c.effectiveOn === had.effectiveOn && c.filedAt > had.filedAt)) out.set(c.bankOrgId, c);
  }
  return out;
}

/** The bank's own current contact, else its nearest ancestor's (with that ancestor's id). */
export function contactFor<C>(
  bankOrgId: string,
  latest: ReadonlyMap<string, C>,
  parentOf: ReadonlyMap<string, string | null>,
): { contact: C; fromBankOrgId: string } | null {
  const seen = new Set<string>();
  let id: string | null | undefined = bankOrgId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const c = latest.get(id);
    if (c) return { contact: c, fromBankOrgId: id };
    id = parentOf.get(id);
  }
  return null;
}
