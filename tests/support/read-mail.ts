/**
 * Reads the e-mails the file transport wrote (MAIL_DIR, one RFC 5322 .eml per message):
 * the decoded text body of each, so a test can follow a link the way a person would.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export type TReadMail = { file: string; to: string; subject: string; text: string };

function decodeBody(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const joined = body.replace(/=\r?\n/g, "");
    return Buffer.from(
      joined.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      "latin1",
    ).toString("utf8");
  }
  return body;
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

export async function readMails(dir: string): Promise<TReadMail[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(
    files.map(async (file) => {
      const raw = (await readFile(path.join(dir, file), "utf8")).replace(/\r\n/g, "\n");
      const split = raw.indexOf("\n\n");
      const headers = raw.slice(0, split).replace(/\n[ \t]+/g, " ");
      const header = (name: string) => decodeHeader(new RegExp(`^${name}:\\s*(.*)$`, "im").exec(headers)?.[1] ?? "");
      return { file, to: header("to"), subject: header("subject"), text: decodeBody(headers, raw.slice(split + 2)) };
    }),
  );
}

/** The token of the reset link in a mail's text. */
export function resetTokenIn(text: string): string {
  const token = /\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error(`no reset link in: ${text}`);
  return token;
}
