/**
 * The default maturity of a loan: the disbursement day plus the term in calendar months,
 * clamped to the month's last day (disbursed 31 January for 1 month matures 28/29
 * February), as loan contracts count it. Days are "YYYY-MM-DD". Pure.
 */
export function defaultMaturity(disbursedOn: string, termMonths: number): string {
  const [y, m, d] = disbursedOn.split("-").map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + termMonths;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
