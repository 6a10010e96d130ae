/**
 * For the server entry: the body of a server action call (a POST with a Next-Action
 * header) is read here before Next.js sees the request. Next refuses a body over its 1 MB
 * limit or a body its decoder cannot read by throwing inside its action handler, which
 * answers 500; and a chunked body declares no length the proxy could check first. Here the
 * body is counted as it streams in (a multipart form posted to a page without JavaScript too,
 * which Next decodes the same way), and the read stops at the first byte over the limit
 * (413); a body that is not what a browser's action call sends — a form that does not
 * parse, a text body that is not JSON — is refused 400. Both answers carry the shared
 * message in the user's language, never a stack trace. A body that passes is handed to
 * Next as a fresh request carrying the same bytes.
 */
import { IncomingMessage, type ServerResponse } from "node:http";
import { REFUSAL_HEADERS, refusalText, SERVER_ACTION_BODY_LIMIT } from "./action-request-gate";
import { isRouteHandlerPath } from "./route-handler-paths";

/** After a 413 the rest of a body is drained for at most this long, then the connection is cut. */
const DRAIN_MS = 2_000;

type TBodyRead = { bytes: Buffer } | { tooLarge: true } | { aborted: true };

/**
 * The request Next should handle: `req` itself when it is not a server action call, a copy
 * carrying the checked body when it is, or null when this answered the request (413/400).
 */
export async function gateActionBody(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> {
  if (req.method !== "POST" || !(req.headers["next-action"] || isFormPostToPage(req))) return req;
  const read = await readBody(req, SERVER_ACTION_BODY_LIMIT);
  if ("aborted" in read) {
    // The client went away mid-body: nobody is left to answer.
    req.socket.destroy();
    return null;
  }
  if ("tooLarge" in read) {
    refuse(req, res, 413, "bodyTooLarge");
    return null;
  }
  if (!(await isReadableActionBody(read.bytes, req.headers["content-type"]))) {
    refuse(req, res, 400, "invalidInput");
    return null;
  }
  return replay(req, read.bytes);
}

/**
 * A multipart POST to a page without a Next-Action header: what a form sends without
 * JavaScript, which Next decodes as a server action call (and answers 500 when the body does
 * not parse). A route handler's multipart POST (an upload) reads its own body and is left alone.
 */
function isFormPostToPage(req: IncomingMessage): boolean {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "multipart/form-data") return false;
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  return !isRouteHandlerPath(query < 0 ? url : url.slice(0, query));
}

/** The whole body, or tooLarge as soon as more than `limit` bytes came (the rest is not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<TBodyRead> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ tooLarge: true });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        req.off("data", onData).off("end", onEnd).pause();
        resolve({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve({ bytes: Buffer.concat(chunks, total) });
    // A settled promise ignores later calls: "close" after "end" changes nothing.
    const onGone = () => resolve({ aborted: true });
    req.on("data", onData).once("end", onEnd).once("error", onGone).once("close", onGone);
  });
}

/**
 * What a browser's action call sends: a multipart form (when an argument is a form or a
 * file) that parses, or the arguments as one JSON text. Any other content type is left to
 * Next, which answers it without running an action.
 */
async function isReadableActionBody(bytes: Buffer, contentType: string | undefined): Promise<boolean> {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "multipart/form-data") {
    try {
      await new Response(new Uint8Array(bytes), { headers: { "content-type": contentType! } }).formData();
      return true;
    } catch {
      return false;
    }
  }
  if (type === "text/plain" || type === "") {
    try {
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      return true;
    } catch {
      return false;
    }
  }
  return true;
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: "bodyTooLarge" | "invalidInput"): void {
  const unread = !req.readableEnded;
  if (unread) res.setHeader("Connection", "close");
  res.writeHead(status, REFUSAL_HEADERS);
  res.end(refusalText(req.headers.cookie, code), () => {
    if (!unread) return;
    // The client may still be sending: discard what comes for a moment so it can read the
    // answer (closing at once could reset the connection under it), then cut it.
    req.resume();
    setTimeout(() => req.socket.destroy(), DRAIN_MS).unref();
  });
}

/** A request like `req` whose body is `bytes` (already read from the socket), with their real length. */
function replay(req: IncomingMessage, bytes: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.httpVersion = req.httpVersion;
  const headers = { ...req.headers, "content-length": String(bytes.byteLength) };
  delete headers["transfer-encoding"];
  copy.headers = headers;
  copy.rawHeaders = Object.entries(headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((v) => [name, v]) : value === undefined ? [] : [name, value],
  );
  copy.complete = true;
  copy.push(bytes);
  copy.push(null);
  return copy;
}
