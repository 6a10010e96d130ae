// The part of autocannon's programmatic API the city benchmark uses (the package ships no
// types, and @types/autocannon describes an older major).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    headers?: Record<string, string>;
  }

  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }

  export interface Result {
    /** Per-second samples of completed requests. */
    requests: Histogram & { total: number };
    /** Milliseconds. */
    latency: Histogram;
    /** Responses whose status was not 2xx. */
    non2xx: number;
    /** Connection errors, timeouts included. */
    errors: number;
    timeouts: number;
    /** Seconds the run actually lasted. */
    duration: number;
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export default function autocannon(options: Options): Instance;
}
