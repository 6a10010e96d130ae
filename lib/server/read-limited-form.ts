/**
 * A request's multipart form, read with a byte limit that holds whatever the client
 * claims: a body sent with `Transfer-Encoding: chunked` has no Content-Length to check
 * first, and `request.formData()` would buffer all of it (a gigabyte, before answering
 * 413). The body is counted while it streams in and the read stops at the first byte over
 * `maxBytes`.
 */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body over ${maxBytes} bytes`);
  }
}

/** The form, or throws BodyTooLargeError (over the limit) or the parser's error (not a form). */
export async function readLimitedFormData(request: Request, maxBytes: number): Promise<FormData> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new BodyTooLargeError(maxBytes);
  const bytes = await readLimitedBody(request.body, maxBytes);
  return new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
}

/** The whole body (at most `maxBytes`); the stream is cancelled as soon as it goes over. */
export async function readLimitedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
