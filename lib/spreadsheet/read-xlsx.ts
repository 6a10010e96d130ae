import { Worker } from "node:worker_threads";
import { readZipDirectory, unpackProblem, XLSX_UNPACK_LIMITS, type TUnpackLimits } from "./zip-directory";

/**
 * The first worksheet of an .xlsx as rows of text cells, read in a worker thread so the
 * server keeps answering other requests meanwhile. Before anything is inflated, the ZIP's
 * directory must stay within `limits` (entry count, declared unpacked bytes); the worker
 * then counts the bytes it really inflates against the same budget, runs with a bounded
 * heap, and is stopped after READ_TIMEOUT_MS.
 */

export type TXlsxRecord = { rowNumber: number; cells: string[] };
export type TXlsxProblem = "unpackedTooLarge" | "unreadable" | "empty";

export class XlsxReadError extends Error {
  constructor(readonly code: TXlsxProblem) {
    super(code);
    this.name = "XlsxReadError";
  }
}

export const READ_TIMEOUT_MS = 60_000;
// Room for a workbook within the unpack limits; a worker past it dies alone, not the server.
const WORKER_HEAP_MB = 1024;

type TWorkerAnswer = { ok: true; records: TXlsxRecord[] } | { ok: false; code: TXlsxProblem };

/** "unpackedTooLarge" / "unreadable" from the ZIP's directory alone (no inflating), or null. */
export function xlsxDirectoryProblem(bytes: Uint8Array, limits: TUnpackLimits = XLSX_UNPACK_LIMITS): TXlsxProblem | null {
  const entries = readZipDirectory(bytes);
  return entries ? unpackProblem(entries, limits) : "unreadable";
}

export async function readXlsxRecords(bytes: Uint8Array, limits: TUnpackLimits = XLSX_UNPACK_LIMITS): Promise<TXlsxRecord[]> {
  const entries = readZipDirectory(bytes);
  if (!entries) throw new XlsxReadError("unreadable");
  const problem = unpackProblem(entries, limits);
  if (problem) throw new XlsxReadError(problem);

  // `new URL(…, import.meta.url)` lets Next's bundler (and Node, in the tests) find the file.
  const worker = new Worker(new URL("./read-xlsx-worker.mjs", import.meta.url), {
    workerData: { bytes, entries, maxUnpackedBytes: limits.maxUnpackedBytes },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return new Promise<TXlsxRecord[]>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: TWorkerAnswer | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else if (outcome.ok) resolve(outcome.records);
      else reject(new XlsxReadError(outcome.code));
    };
    const timer = setTimeout(() => settle(new XlsxReadError("unreadable")), READ_TIMEOUT_MS);
    worker.once("message", (answer: TWorkerAnswer) => settle(answer));
    worker.once("error", (error) => {
      // Out of heap is the file's fault, not the server's: the user is told it cannot be read.
      if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") settle(new XlsxReadError("unreadable"));
      else settle(error);
    });
    worker.once("exit", () => settle(new XlsxReadError("unreadable")));
  });
}
