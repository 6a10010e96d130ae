/** The upload routes' answer: the stored file, or an error code the form words. */
export type TUploadAnswer<TFile> = { ok: true; attachment: TFile } | { ok: false; error: string };

/**
 * Posts one file (as "file", with any `fields`) to an upload route and reads its answer; a
 * network failure or an answer that is not JSON is the "generic" error.
 */
export async function postUpload<TFile>(url: string, file: File, fields: Record<string, string> = {}): Promise<TUploadAnswer<TFile>> {
  const body = new FormData();
  body.set("file", file);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  try {
    return (await (await fetch(url, { method: "POST", body })).json()) as TUploadAnswer<TFile>;
  } catch {
    return { ok: false, error: "generic" };
  }
}
