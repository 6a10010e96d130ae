/**
 * Single-user latency: one request at a time, timed from sending it to the last byte of
 * the HTML. Each page is measured right after its own series on the floor page, so both
 * see about the same moment of this shared machine's load. Series rather than
 * alternating requests: a floor request sent just after a portal page would also pay for
 * the work the portal still does after answering (garbage collection, writes), which
 * would flatter the ratio.
 */
import { performance } from "node:perf_hooks";
import { median, percentile } from "./stats";

export const WARM_UPS = 3;

export type TTimed = { ms: number; problem?: string };

export type TLatency = {
  path: string;
  account: string;
  /** Successful samples only. */
  pageMs: number[];
  /** The floor series measured just before this page. */
  floorMs: number[];
  /** One line per failed request. */
  failures: string[];
  p50: number;
  p95: number;
  floorP50: number;
  /** p50 / the p50 of the floor series just before. */
  ratio: number;
};

/**
 * Why a response is not a rendered page, or undefined. A page with a loading state
 * streams: it has answered 200 before a redirect, a "not found" or an error happens
 * inside it. Those leave marks in the HTML: a refresh tag for a redirect, and an error
 * row with a digest in the embedded payload (NEXT_REDIRECT;…, NEXT_HTTP_ERROR_FALLBACK;404,
 * or a number that the server log repeats).
 */
export function pageProblem(status: number, location: string | null, body: string): string | undefined {
  if (status !== 200) return `HTTP ${status}${location ? ` → ${location}` : ""}`;
  const refresh = /id="__next-page-redirect"[^>]*content="[^"]*url=([^"]*)"/.exec(body)?.[1];
  if (refresh !== undefined) return `200, then a redirect inside the page → ${refresh}`;
  const digest = /:E\{\\*"digest\\*":\\*"([^"\\]*)/.exec(body)?.[1] ?? /data-dgst="([^"]*)"/.exec(body)?.[1];
  if (digest !== undefined) return `200, but the page failed inside (digest ${digest.slice(0, 80)})`;
  return undefined;
}

export async function timeGet(url: string, cookie: string | undefined): Promise<TTimed> {
  const headers: Record<string, string> = { accept: "text/html" };
  if (cookie) headers.cookie = cookie;
  const started = performance.now();
  try {
    const response = await fetch(url, { headers, redirect: "manual" });
    const body = await response.text();
    const ms = performance.now() - started;
    return { ms, problem: pageProblem(response.status, response.headers.get("location"), body) };
  } catch (error) {
    return { ms: performance.now() - started, problem: `request failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function measureLatency(args: {
  baseUrl: string;
  floorUrl: string;
  path: string;
  account: string;
  cookie: string;
  runs: number;
}): Promise<TLatency> {
  const failures: string[] = [];
  const series = async (label: string, url: string, cookie: string | undefined): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < WARM_UPS + args.runs; i++) {
      const { ms, problem } = await timeGet(url, cookie);
      const which = i < WARM_UPS ? `warm-up ${i + 1}` : `run ${i - WARM_UPS + 1}`;
      if (problem) failures.push(`${label}, ${which}: ${problem}`);
      else if (i >= WARM_UPS) times.push(ms);
    }
    return times;
  };
  const floorMs = await series("floor", args.floorUrl, undefined);
  const pageMs = await series(args.path, `${args.baseUrl}${args.path}`, args.cookie);
  const p50 = median(pageMs);
  const floorP50 = median(floorMs);
  return {
    path: args.path,
    account: args.account,
    pageMs,
    floorMs,
    failures,
    p50,
    p95: percentile(pageMs, 0.95),
    floorP50,
    ratio: p50 / floorP50,
  };
}
