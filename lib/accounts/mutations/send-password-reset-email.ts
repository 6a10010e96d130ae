/**
 * The "password-reset.send" job: makes the link's token, keeps only its hash on the
 * PasswordReset row, and e-mails the link to the user in their language. The token exists
 * nowhere else (not in the job's payload, not in the log): a retry makes a new token and
 * the earlier one stops working, so whichever e-mail arrived last holds the working link.
 * A link already used or expired is not sent.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import en from "@/lib/i18n/messages/en/passwordReset.json";
import zh from "@/lib/i18n/messages/zh-CN/passwordReset.json";
import { hashResetToken, isResetUsable, newResetToken, resetLinkPath } from "@/lib/auth/password-reset";
import { resolveLocale } from "@/lib/i18n/locales";
import { deliverMail, type TDeliveryResult } from "@/lib/notifications/mail/deliver-mail";
import type { TMailSettings } from "@/lib/notifications/mail/mail-settings";
import { fillMessage } from "@/lib/notifications/render";

export type TSendResetResult = TDeliveryResult | "notFound" | "noAddress" | "expired";

type TDb = Pick<PrismaClient, "$transaction">;

export async function sendPasswordResetEmail(
  db: TDb,
  resetId: string,
  mail: TMailSettings,
  now: Date = new Date(),
): Promise<TSendResetResult> {
  const token = newResetToken();
  const tokenHash = hashResetToken(token);
  const found = await db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({
      where: { id: resetId },
      select: {
        issuedBy: true,
        usedAt: true,
        expiresAt: true,
        user: { select: { account: true, email: true, locale: true, active: true } },
      },
    });
    if (!reset) return "notFound" as const;
    if (!isResetUsable(reset, now)) return "expired" as const;
    const email = reset.user.active ? reset.user.email?.trim() : null;
    if (!email) return "noAddress" as const;
    await tx.passwordReset.update({ where: { id: resetId }, data: { tokenHash } });
    return { email, locale: resolveLocale(reset.user.locale), account: reset.user.account, issuedBy: reset.issuedBy };
  });
  if (typeof found === "string") return found;

  const texts = (found.locale === "en" ? en : zh).passwordReset.mail;
  const url = `${mail.baseUrl ?? ""}${resetLinkPath(token)}`;
  const text = [
    fillMessage(found.issuedBy === "admin" ? texts.admin : texts.self, { account: found.account }),
    "",
    fillMessage(texts.link, { url }),
    "",
    texts.ignore,
    "",
    "—",
    texts.footer,
  ].join("\n");
  // Named after the row and the token's hash: a retry's new link is a new message.
  return deliverMail(mail.config, {
    to: found.email,
    subject: texts.subject,
    text,
    name: `password-reset-${resetId}-${tokenHash.slice(0, 12)}`,
  });
}
