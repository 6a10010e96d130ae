import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import type { TRequestMeta } from "@/lib/accounts/mutations/authenticate";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { buildErrorReport, buildTemplate } from "@/lib/import/files";
import type { TTranslate } from "@/lib/i18n/translator";
import { importContacts } from "@/lib/import/mutations/import-contacts";
import { importEnterprises } from "@/lib/import/mutations/import-enterprises";
import { listImportBanks, listImportParks, parkOfOrg } from "@/lib/import/queries/import-context";
import { MAX_FILE_BYTES, type TImportKind, type TImportProgress, type TImportResult } from "@/lib/import/run";
import type { TRowError } from "@/lib/import/rules";
import { fileFormatOf } from "@/lib/import/sheet";
import { xlsxDirectoryProblem } from "@/lib/spreadsheet/read-xlsx";
import { xlsxResponse } from "@/lib/spreadsheet/xlsx";
import { db } from "@/lib/server/db";
import { textResponse, type TRouteTranslator } from "@/lib/server/route";
import { BodyTooLargeError, readLimitedFormData } from "@/lib/server/read-limited-form";
import { logger } from "@/lib/observability/logger";

/**
 * The two import endpoints (`/import/enterprises/file`, `/import/contacts/file`), each
 * method behind defineRoute (policy "enterprises.import" / "contacts.import"):
 *   GET   the template (.xlsx, header row in Chinese);
 *   POST  multipart/form-data with `file`: parses and validates on the server and
 *         answers with a stream of JSON lines (application/x-ndjson), one
 *         { type: "progress", phase, done, total } per step, then one
 *         { type: "result", … } — on errors with the first ERRORS_SHOWN problems and the
 *         full error report as a base64 .xlsx — or { type: "failed" } on a server fault.
 * Progress lives in this one response: nothing is kept in memory between requests, so
 * it works with several app instances. "no-transform" keeps Next's gzip (and proxies)
 * from holding the lines back.
 * A route handler rather than a server action: the file may exceed the 1 MB body limit
 * of server actions, and an action cannot report progress while it runs.
 */

export const ERRORS_SHOWN = 500;

/**
 * The handler of one import endpoint (its route file exports it as GET and POST behind
 * defineRoute): GET the template, POST an upload.
 */
export function importFileHandler(kind: TImportKind) {
  return (ctx: TImportContext): Promise<Response> => (ctx.request.method === "POST" ? importUpload(ctx, kind) : importTemplate(ctx, kind));
}

type TImportContext = {
  request: Request;
  user: TSessionUser;
  meta: TRequestMeta;
  translator: (namespace?: string) => Promise<TRouteTranslator>;
};

const actorOf = (user: TSessionUser): TActor => ({ userId: user.userId, role: user.role, orgId: user.orgId, orgKind: user.orgKind });

/** GET: the import template of `kind` (park staff see only their own park in it). */
async function importTemplate({ user, translator }: TImportContext, kind: TImportKind): Promise<Response> {
  const t: TTranslate = await translator("import");
  let file: Buffer;
  if (kind === "enterprises") {
    const own = user.role === "PARK_STAFF" ? await parkOfOrg(db(), user.orgId) : null;
    const parks = user.role === "PARK_STAFF" ? (own ? [own] : []) : await listImportParks(db());
    file = await buildTemplate({ kind, parks, ownPark: user.role === "PARK_STAFF" }, t);
  } else {
    file = await buildTemplate({ kind, banks: await listImportBanks(db()) }, t);
  }
  return xlsxResponse(file, t(`template.${kind}.fileName`));
}

/** POST: the uploaded file of `kind`, imported with progress streamed back. */
async function importUpload({ request, user, meta, translator }: TImportContext, kind: TImportKind): Promise<Response> {
  const t: TTranslate = await translator("import");
  let form: FormData;
  try {
    // The file plus room for the multipart framing, counted as it streams in.
    form = await readLimitedFormData(request, MAX_FILE_BYTES + 1024 * 1024);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return textResponse(413, t("errors.tooLarge", { maxMb: MAX_FILE_BYTES / 1024 / 1024 }));
    throw new AppError("noFile");
  }
  const upload = form.get("file");
  if (!(upload instanceof File) || upload.size === 0) throw new AppError("noFile");
  const file = { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) };
  // A workbook that would unpack beyond the limits is refused from its ZIP directory alone,
  // before the progress stream starts, so the browser gets a plain 413 at once. The reader
  // checks again while inflating, since a directory can understate the sizes.
  if (fileFormatOf(file.name, file.bytes) === "xlsx" && xlsxDirectoryProblem(file.bytes) === "unpackedTooLarge") {
    throw new AppError("unpackedTooLarge");
  }
  const actor = actorOf(user);

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (message: object) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
        } catch {
          open = false; // the browser went away; the import still finishes (or rolls back)
        }
      };
      const onProgress = (p: TImportProgress) => send({ type: "progress", ...p });
      const run = kind === "enterprises" ? importEnterprises : importContacts;
      void (async () => {
        try {
          const result = await run(db(), actor, file, { meta, onProgress });
          send(await resultMessage(result, t));
        } catch (error) {
          logger.error({ kind, err: error }, "import failed");
          send({ type: "failed" });
        } finally {
          if (open) controller.close();
        }
      })();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

async function resultMessage(result: TImportResult, t: TTranslate): Promise<object> {
  if (result.ok) return { type: "result", ...result };
  const report = await buildErrorReport(result, t);
  return {
    type: "result",
    ok: false,
    rows: result.rows,
    fileError: result.fileError,
    errorCount: result.errors.length,
    rowCount: new Set(result.errors.map((e: TRowError) => e.row)).size,
    errors: result.errors.slice(0, ERRORS_SHOWN),
    report: report.toString("base64"),
    reportName: t("report.fileName"),
  };
}
