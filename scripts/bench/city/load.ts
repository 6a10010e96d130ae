/**
 * Throughput under concurrent connections, with autocannon (one process, keep-alive
 * connections, each sends its next request when the previous answer is complete).
 */
import autocannon from "autocannon";
import { timeGet } from "./latency";
import { median, percentile } from "./stats";

export type TLoad = {
  label: string;
  reqPerSec: number;
  /** Milliseconds, over every response of the run. */
  p50: number;
  p95: number;
  responses: number;
  non2xx: number;
  /** Connection errors and timeouts (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
};

export async function runLoad(args: {
  label: string;
  url: string;
  cookie?: string;
  connections: number;
  duration: number;
  timeoutSeconds: number;
}): Promise<TLoad> {
  const headers: Record<string, string> = { accept: "text/html" };
  if (args.cookie) headers.cookie = args.cookie;
  const instance = autocannon({
    url: args.url,
    connections: args.connections,
    duration: args.duration,
    timeout: args.timeoutSeconds,
    headers,
  });
  // autocannon's own percentiles skip p95: keep every response time instead.
  const times: number[] = [];
  instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  return {
    label: args.label,
    reqPerSec: result.requests.average,
    p50: median(times),
    p95: percentile(times, 0.95),
    responses: times.length,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** The median of a few sequential requests on an idle server: what "answers quickly" means. */
export async function idleBaselineMs(url: string, cookie?: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await timeGet(url, cookie)).ms);
  return median(times);
}

/**
 * Waits until the server is idle again: requests the load run gave up on (timeouts) keep
 * running on the server and would slow the next run. Idle = one request to the floor and
 * one to the page just tested both answer within twice their idle time (+20 ms of slack
 * for scheduling noise). Gives up after `maxWaitMs`. Returns the wait, whether it ended
 * idle, and what was wrong with any probe's answer.
 */
export async function waitUntilIdle(args: {
  probes: ReadonlyArray<{ url: string; cookie?: string; idleMs: number }>;
  maxWaitMs: number;
}): Promise<{ waitedMs: number; idle: boolean; problems: string[] }> {
  const started = Date.now();
  // Under load only the status is checked; these probes also read the page itself.
  const problems = new Set<string>();
  while (true) {
    let quick = true;
    for (const probe of args.probes) {
      const { ms, problem } = await timeGet(probe.url, probe.cookie);
      if (problem) problems.add(`${new URL(probe.url).pathname}: ${problem}`);
      if (ms > 2 * probe.idleMs + 20) quick = false;
    }
    const waitedMs = Date.now() - started;
    if (quick) return { waitedMs, idle: true, problems: [...problems] };
    if (waitedMs >= args.maxWaitMs) return { waitedMs, idle: false, problems: [...problems] };
    await new Promise((r) => setTimeout(r, 1000));
  }
}
