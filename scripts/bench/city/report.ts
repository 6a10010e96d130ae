/** The city benchmark's final tables and acceptance verdicts. */
import type { TLatency } from "./latency";
import type { TLoad } from "./load";
import { median, percentile } from "./stats";

export const LATENCY_MAX_RATIO = 10;
export const THROUGHPUT_MIN_SHARE = 0.15;
export const THROUGHPUT_STRETCH_SHARE = 0.3;
export const STRETCH_P95_MS = 500;

export type TLoadLine = TLoad & { path: string; account: string; reference?: boolean };

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "—").padStart(8);
const pass = (ok: boolean) => (ok ? "PASS" : "FAIL");

export function latencyVerdict(l: TLatency): boolean {
  return l.failures.length === 0 && l.pageMs.length > 0 && l.ratio <= LATENCY_MAX_RATIO;
}

export function loadVerdict(l: TLoad, floorReqPerSec: number): { ok: boolean; stretch: boolean } {
  const share = l.reqPerSec / floorReqPerSec;
  const clean = l.non2xx === 0 && l.errors === 0 && l.responses > 0;
  return { ok: clean && share >= THROUGHPUT_MIN_SHARE, stretch: clean && share >= THROUGHPUT_STRETCH_SHARE && l.p95 < STRETCH_P95_MS };
}

const REFERENCE = "reference, not judged";

export function latencyTable(rows: readonly (TLatency & { reference?: boolean })[], runs: number): string[] {
  const floorAll = rows.flatMap((r) => r.floorMs);
  const out = [
    `single-user latency: ${runs} sequential GETs per page after 3 warm-ups, just after the same on the floor; ms to the last byte of the HTML; ratio = p50 / that floor p50`,
    `${"page".padEnd(22)} ${"account".padEnd(17)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"floor p50".padStart(9)} ${"ratio".padStart(7)} ${"failed".padStart(6)}  acceptance (p50 ≤ ${LATENCY_MAX_RATIO}× floor)`,
    `${"floor (every sample)".padEnd(22)} ${"—".padEnd(17)} ${ms(median(floorAll))} ${ms(percentile(floorAll, 0.95))}`,
  ];
  for (const r of rows) {
    out.push(
      `${r.path.padEnd(22)} ${r.account.padEnd(17)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.floorP50).padStart(9)} ${`${r.ratio.toFixed(1)}×`.padStart(7)} ${String(r.failures.length).padStart(6)}  ${r.reference ? REFERENCE : pass(latencyVerdict(r))}`,
    );
  }
  return out;
}

export function loadTable(
  floors: readonly TLoad[],
  lines: readonly TLoadLine[],
  args: { connections: number; duration: number; timeout: number; warmUp: number },
): string[] {
  const floorReqPerSec = median(floors.map((f) => f.reqPerSec));
  const header =
    `${"target".padEnd(22)} ${"account".padEnd(17)} ${"req/s".padStart(8)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"non-2xx".padStart(7)} ${"errors".padStart(6)} ${"timeouts".padStart(8)} ${"% floor".padStart(7)}  ` +
    `acceptance (≥${THROUGHPUT_MIN_SHARE * 100}%, 0 errors)  stretch (≥${THROUGHPUT_STRETCH_SHARE * 100}%, p95 < ${STRETCH_P95_MS} ms)`;
  const row = (l: TLoad, path: string, account: string, verdicts: string) =>
    `${path.padEnd(22)} ${account.padEnd(17)} ${l.reqPerSec.toFixed(1).padStart(8)} ${ms(l.p50)} ${ms(l.p95)} ${String(l.non2xx).padStart(7)} ${String(l.errors).padStart(6)} ${String(l.timeouts).padStart(8)} ${`${((100 * l.reqPerSec) / floorReqPerSec).toFixed(1)}%`.padStart(7)}  ${verdicts}`;
  const out = [
    `throughput: ${args.connections} connections for ${args.duration} s each after a ${args.warmUp} s warm-up not counted (timeout ${args.timeout} s); p50/p95 in ms over every response; % of the floor's req/s (${floors.length > 1 ? "the mean of the runs before and after the pages" : "its run"}: ${floorReqPerSec.toFixed(1)} req/s)`,
    header,
  ];
  for (const f of floors) out.push(row(f, f.label, "—", ""));
  for (const l of lines) {
    const v = loadVerdict(l, floorReqPerSec);
    out.push(row(l, l.path, l.account, l.reference ? REFERENCE : `${pass(v.ok).padEnd(33)} ${pass(v.stretch)}`));
  }
  // autocannon drops the requests still in flight when the run ends: when answers take a
  // good part of the run, work the server did is not counted and req/s reads low.
  const slow = lines.filter((l) => l.p95 > (args.duration * 1000) / 2).map((l) => l.path);
  if (slow.length > 0) {
    out.push(
      `note: answers to ${slow.join(", ")} took over half the run; requests in flight at its end are not counted, so their req/s reads low (a longer --duration gets closer to the steady state)`,
    );
  }
  return out;
}

export function overallVerdict(
  allLatency: readonly (TLatency & { reference?: boolean })[],
  floors: readonly TLoad[],
  allLines: readonly TLoadLine[],
): string[] {
  const latency = allLatency.filter((l) => !l.reference);
  const lines = allLines.filter((l) => !l.reference);
  const slow = latency.filter((l) => !latencyVerdict(l)).map((l) => l.path);
  const floorReqPerSec = median(floors.map((f) => f.reqPerSec));
  const weak = lines.filter((l) => !loadVerdict(l, floorReqPerSec).ok).map((l) => l.path);
  const stretch = lines.filter((l) => !loadVerdict(l, floorReqPerSec).stretch).map((l) => l.path);
  const out: string[] = [];
  if (latency.length > 0) {
    out.push(`single-user: ${slow.length === 0 ? "PASS" : `FAIL (${slow.join(", ")})`}`);
  }
  if (lines.length > 0) {
    out.push(`throughput:  ${weak.length === 0 ? "PASS" : `FAIL (${weak.join(", ")})`}`);
    out.push(`stretch:     ${stretch.length === 0 ? "PASS" : `FAIL (${stretch.join(", ")})`}`);
  }
  const accepted = slow.length === 0 && weak.length === 0;
  out.push(`ACCEPTANCE: ${accepted ? "PASS" : "FAIL"}`);
  return out;
}
