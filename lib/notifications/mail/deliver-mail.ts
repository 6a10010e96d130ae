/**
 * Hands one e-mail to the configured transport (lib/server/env.ts mailSettings()):
 *   - smtp: nodemailer over SMTP_URL;
 *   - file: the complete RFC 5322 message as `<name>.eml` in MAIL_DIR. The file is
 *     created exclusively (flag "wx"): a second delivery of the same notification finds
 *     the file there and reports "duplicate" instead of writing it again;
 *   - log: one log line naming the message, not its recipient (development without any
 *     mail setup).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type { TMailConfig } from "./mail-settings";
import { logger } from "@/lib/observability/logger";

export type TMail = { to: string; subject: string; text: string; /** Unique per message: the .eml file name. */ name: string };
export type TDeliveryResult = "sent" | "duplicate";

const smtpTransports = new Map<string, Transporter>();

function smtpTransport(url: string): Transporter {
  let t = smtpTransports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    smtpTransports.set(url, t);
  }
  return t;
}

export async function deliverMail(config: TMailConfig, mail: TMail): Promise<TDeliveryResult> {
  const message = { from: config.from, to: mail.to, subject: mail.subject, text: mail.text };
  if (config.transport === "smtp") {
    await smtpTransport(config.url).sendMail(message);
    return "sent";
  }
  if (config.transport === "log") {
    // The message's name (its notification) identifies it; the address and the subject
    // (which may name a person or an enterprise) stay out of the log.
    logger.info({ component: "mail", message: mail.name }, "mail (log transport)");
    return "sent";
  }
  if (!/^[\w.-]+$/.test(mail.name)) throw new Error(`deliverMail: unsafe file name ${JSON.stringify(mail.name)}`);
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }).sendMail(message);
  await mkdir(config.dir, { recursive: true });
  try {
    await writeFile(path.join(config.dir, `${mail.name}.eml`), built.message as Buffer, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return "duplicate";
    throw error;
  }
  return "sent";
}
