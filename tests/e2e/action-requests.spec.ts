import http from "node:http";
import { expect, test } from "@playwright/test";
import { serverActionId } from "./support/demo-data";

// Server action calls are public HTTP endpoints, so hostile bodies reach the production
// server as raw HTTP: a body over the 1 MB limit sent chunked (no Content-Length for the
// proxy to check), a multipart body that does not parse, a text body that is not JSON, an
// action id the build does not have. Next's action handler answered the first three 500;
// each must get a 4xx with a short message and no stack trace, and a well-formed call must
// still work.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const ORIGIN = `http://localhost:${PORT}`;

type TAnswer = { status: number; body: string };

/** POSTs `chunks` one by one with Transfer-Encoding: chunked (no Content-Length), as a streaming client would. */
function postChunked(path: string, headers: Record<string, string>, chunks: Iterable<Uint8Array>): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${ORIGIN}${path}`, {
      method: "POST",
      headers: { Origin: ORIGIN, Accept: "text/x-component", "Transfer-Encoding": "chunked", ...headers },
    });
    // Set once the server has answered: from then on the client stops sending, and a write
    // that fails because the server closed the connection after answering changes nothing.
    let answer: TAnswer | null = null;
    request.on("response", (response) => {
      const received: TAnswer = { status: response.statusCode ?? 0, body: "" };
      answer = received;
      response.setEncoding("utf8");
      response.on("data", (part: string) => (received.body += part));
      response.on("end", () => resolve(received));
      response.on("error", () => resolve(received));
    });
    // The server may stop reading (and close) once it has answered: the answer is what counts.
    request.on("error", (error) => (answer ? resolve(answer) : reject(error)));
    const pending = chunks[Symbol.iterator]();
    const writeNext = () => {
      for (;;) {
        if (answer || request.destroyed) return;
        const next = pending.next();
        if (next.done) return void request.end();
        if (!request.write(next.value)) return void request.once("drain", writeNext);
      }
    };
    writeNext();
  });
}

function* megabytes(count: number): Generator<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  for (let i = 0; i < count * 16; i++) yield chunk;
}

const actionId = () => serverActionId("app/actions.ts", "setLocaleAction");

function expectNoStackTrace(answer: TAnswer): void {
  expect(answer.body).not.toMatch(/\n\s+at\s|Error:|node_modules/);
}

test("a chunked action body over 1 MB is refused 413 while it streams, not 500", async () => {
  const answer = await postChunked("/sign-in", { "Next-Action": actionId(), "Content-Type": "text/plain;charset=UTF-8" }, megabytes(20));
  expect(answer.status).toBe(413);
  expect(answer.body).toBe("提交的内容超过 1 MB，请精简后重试。");
  expectNoStackTrace(answer);
});

test("a multipart action body that does not parse is refused 400, not 500", async () => {
  const garbage = new TextEncoder().encode("--x\r\nthis is not a part header\r\n\r\n\u0000\u0001 and no closing boundary");
  const answer = await postChunked("/sign-in", { "Next-Action": actionId(), "Content-Type": "multipart/form-data; boundary=x" }, [garbage]);
  expect(answer.status).toBe(400);
  expectNoStackTrace(answer);
});

test("a multipart form posted to a page without JavaScript (no Next-Action) that does not parse is refused 400, not 500", async () => {
  const garbage = new TextEncoder().encode("garbage, no boundary anywhere");
  for (const path of ["/sign-in", "/", "/requests"]) {
    const answer = await postChunked(path, { "Content-Type": "multipart/form-data; boundary=xx" }, [garbage]);
    expect(answer.status, path).toBe(400);
    expectNoStackTrace(answer);
  }
});

test("a text action body that is not JSON is refused 400, not 500", async () => {
  for (const body of ['["unterminated', "\u00ff\u00fe{not json", '{"$": ']) {
    const answer = await postChunked("/sign-in", { "Next-Action": actionId(), "Content-Type": "text/plain;charset=UTF-8" }, [
      new TextEncoder().encode(body),
    ]);
    expect(answer.status, body).toBe(400);
    expectNoStackTrace(answer);
  }
});

test("an action id the build does not have is refused with a 4xx", async () => {
  for (const id of ["7f" + "0".repeat(40), "not-an-action-id", "toString"]) {
    const answer = await postChunked("/sign-in", { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" }, [
      new TextEncoder().encode('[{"locale":"en"}]'),
    ]);
    expect(answer.status, id).toBeGreaterThanOrEqual(400);
    expect(answer.status, id).toBeLessThan(500);
    expectNoStackTrace(answer);
  }
});

test("a well-formed action call, chunked or not, still runs", async ({ request }) => {
  const chunked = await postChunked("/sign-in", { "Next-Action": actionId(), "Content-Type": "text/plain;charset=UTF-8" }, [
    new TextEncoder().encode('[{"locale":'),
    new TextEncoder().encode('"en"}]'),
  ]);
  expect(chunked.status).toBe(200);
  const plain = await request.post("/sign-in", {
    headers: { "Next-Action": actionId(), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: ORIGIN },
    data: JSON.stringify([{ locale: "en" }]),
  });
  expect(plain.status()).toBe(200);
  expect(plain.headers()["set-cookie"]).toMatch(/NEXT_LOCALE=en/);
});
