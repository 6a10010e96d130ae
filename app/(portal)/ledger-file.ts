import { bulletinFont } from "@/lib/server/env";

// What the official ledger downloads (问题清单, 解决台账) share: the response that carries
// the file and the embedded Chinese font.

export type TLedgerFormat = "xlsx" | "pdf";

const CONTENT_TYPES: Record<TLedgerFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

/** A ledger file's response: an ASCII name for old browsers, the Chinese one as RFC 5987 filename*. */
export function ledgerFileResponse(body: Buffer, format: TLedgerFormat, asciiName: string, fileName: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(`${fileName}.${format}`)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The embedded CJK font (the ranking bulletin's). */
export function fontOf(): { fontPath: string; fontName?: string } {
  const font = bulletinFont();
  return { fontPath: font.path, fontName: font.name };
}
