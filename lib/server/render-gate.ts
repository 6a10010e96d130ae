/**
 * How many responses the server prepares at once. A page view is CPU work on one thread
 * (React renders it, the database answers in between): fifty views started together all
 * finish late, and each keeps its half-built page in memory the whole time, so the garbage
 * collector copies and promotes what would have died young. Admitting a few at a time, in
 * arrival order, finishes each one sooner and costs less per view. Measured under 50
 * connections on the 100,000-enterprise database: 15–20% more dashboard views a second and
 * about 2.5 ms less server CPU per view with servers side by side, 3–14% in the city
 * benchmark's own runs (docs/decisions/036-render-gate.md).
 *
 * A request holds its place until its response starts (the first write or end of the
 * body, before any compression) or its connection closes: a page whose HTML is ready goes
 * out while the next one renders, and a long download or a slow client on a phone does not
 * keep others waiting. A request whose client leaves while it waits is dropped unrun.
 * Static files (no render) and the liveness probe (it must answer from a busy server) pass
 * at once.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export type TRenderGate = {
  /**
   * Resolves true when the request may run now, false when its client left while it
   * waited (nothing is to be sent then).
   */
  enter(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Requests admitted whose response has not started yet. */
  readonly running: number;
  /** Requests waiting for a place. */
  readonly waiting: number;
};

/** `limit` 0: no gate, every request runs at once. `onWaiting` hears the queue's length as it changes. */
export function createRenderGate(limit: number, onWaiting?: (waiting: number) => void): TRenderGate {
  let running = 0;
  // Insertion order is arrival order; a request that leaves is deleted wherever it is.
  const queue = new Set<() => void>();

  const leave = () => {
    running--;
    const next = queue.values().next();
    if (next.done) return;
    queue.delete(next.value);
    onWaiting?.(queue.size);
    next.value();
  };

  return {
    get running() {
      return running;
    },
    get waiting() {
      return queue.size;
    },
    enter(req, res) {
      if (limit <= 0 || passesFreely(req)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const admit = () => {
          running++;
          holdUntilResponseStarts(res, leave);
          resolve(true);
        };
        if (running < limit) {
          admit();
          return;
        }
        queue.add(admit);
        onWaiting?.(queue.size);
        res.once("close", () => {
          if (!queue.delete(admit)) return;
          onWaiting?.(queue.size);
          resolve(false);
        });
      });
    },
  };
}

function passesFreely(req: IncomingMessage): boolean {
  const url = req.url ?? "/";
  return url.startsWith("/_next/static/") || url === "/api/health" || url.startsWith("/api/health?");
}

// The response has started once the body's first bytes (or its end) are handed on: wrap
// write and end on this one response. The wrappers stay for the response's life: Next's
// compression wraps them in turn, and putting the originals back would cut it out.
function holdUntilResponseStarts(res: ServerResponse, leave: () => void): void {
  const write = res.write;
  const end = res.end;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    leave();
  };
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    release();
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    release();
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["end"];
  res.once("close", release);
}
