import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { createRenderGate, type TRenderGate } from "./render-gate";

// Just what the gate touches of a response: write, end and the close event.
class FakeResponse extends EventEmitter {
  written: string[] = [];
  write(chunk: string): boolean {
    this.written.push(chunk);
    return true;
  }
  end(chunk?: string): this {
    if (chunk) this.written.push(chunk);
    this.emit("close");
    return this;
  }
  /** The client hangs up. */
  hangUp(): void {
    this.emit("close");
  }
}

type TArrival = { res: FakeResponse; ran: () => boolean; outcome: Promise<boolean> };

function arrive(gate: TRenderGate, url = "/bank"): TArrival {
  const res = new FakeResponse();
  let settled: boolean | undefined;
  const outcome = gate.enter({ url } as IncomingMessage, res as unknown as ServerResponse);
  void outcome.then((admitted) => (settled = admitted));
  return { res, ran: () => settled === true, outcome };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("createRenderGate", () => {
  it("runs at most `limit` requests until their responses start, then the next in arrival order", async () => {
    const waiting: number[] = [];
    const gate = createRenderGate(2, (n) => waiting.push(n));
    const [a, b, c, d] = [arrive(gate), arrive(gate), arrive(gate), arrive(gate)];
    await settle();
    expect([a.ran(), b.ran(), c.ran(), d.ran()]).toEqual([true, true, false, false]);
    expect({ running: gate.running, waiting: gate.waiting }).toEqual({ running: 2, waiting: 2 });

    // The first bytes of b's body free its place: c (the earlier arrival) goes, not d.
    b.res.write("<!DOCTYPE html>");
    await settle();
    expect([c.ran(), d.ran()]).toEqual([true, false]);
    // More writes of the same response free nothing more.
    b.res.write("<html>");
    b.res.end("</html>");
    await settle();
    expect(d.ran()).toBe(false);

    // A response that ends without a body (a redirect) starts and ends at once.
    a.res.end();
    await settle();
    expect(d.ran()).toBe(true);
    expect(waiting).toEqual([1, 2, 1, 0]);
    expect(b.res.written).toEqual(["<!DOCTYPE html>", "<html>", "</html>"]);
  });

  it("leaves a wrapper put on the response after admission (Next's compression) in place", async () => {
    const gate = createRenderGate(1);
    const a = arrive(gate);
    await a.outcome;
    // As the compression middleware does: its own write and end, which call the ones before.
    const { write, end } = a.res;
    a.res.write = (chunk: string) => write.call(a.res, `gz(${chunk})`);
    a.res.end = (chunk?: string) => end.call(a.res, chunk === undefined ? undefined : `gz(${chunk})`);
    a.res.write("<html>");
    a.res.write("<body>");
    a.res.end("</html>");
    expect(a.res.written).toEqual(["gz(<html>)", "gz(<body>)", "gz(</html>)"]);
    expect(gate.running).toBe(0);
  });

  it("drops a request whose client left while it waited, and frees the place of one that left while running", async () => {
    const gate = createRenderGate(1);
    const [a, b, c] = [arrive(gate), arrive(gate), arrive(gate)];
    await settle();
    b.res.hangUp();
    expect(await b.outcome).toBe(false);
    expect(gate.waiting).toBe(1);

    // a's client hangs up before a wrote anything: its place goes to c.
    a.res.hangUp();
    await settle();
    expect(c.ran()).toBe(true);
    expect(b.ran()).toBe(false);
    expect({ running: gate.running, waiting: gate.waiting }).toEqual({ running: 1, waiting: 0 });
  });

  it("lets static files and the liveness probe pass a full gate", async () => {
    const gate = createRenderGate(1);
    arrive(gate);
    const queued = arrive(gate);
    const passing = [arrive(gate, "/_next/static/chunks/app.js"), arrive(gate, "/api/health"), arrive(gate, "/api/health?x=1")];
    await settle();
    expect(passing.map((p) => p.ran())).toEqual([true, true, true]);
    expect(queued.ran()).toBe(false);
    // They hold no place either.
    expect(gate.running).toBe(1);
    // The readiness probe, which reads the database, takes its turn like a page.
    const ready = arrive(gate, "/api/ready");
    await settle();
    expect(ready.ran()).toBe(false);
  });

  it("admits everything at once with a limit of 0", async () => {
    const gate = createRenderGate(0);
    const arrivals = Array.from({ length: 50 }, () => arrive(gate));
    await settle();
    expect(arrivals.every((a) => a.ran())).toBe(true);
    expect(gate.waiting).toBe(0);
  });
});
