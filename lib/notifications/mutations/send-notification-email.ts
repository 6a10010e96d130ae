/**
 * The "email.send" job: e-mails one notification to its user, in the user's language
 * (falling back to the stored Chinese text for a kind this version does not know).
 *
 * Delivery is at-least-once: a worker that dies after the SMTP server accepted the
 * message but before the job is marked done sends it again on the retry. The file
 * transport cannot duplicate (one exclusive .eml per notification id).
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import en from "@/lib/i18n/messages/en/notifications.json";
import zh from "@/lib/i18n/messages/zh-CN/notifications.json";
import { resolveLocale } from "@/lib/i18n/locales";
import { deliverMail, type TDeliveryResult } from "@/lib/notifications/mail/deliver-mail";
import { fillMessage, paramsOf, renderNotification } from "@/lib/notifications/render";
import type { TMailSettings } from "@/lib/notifications/mail/mail-settings";

export type TSendEmailResult = TDeliveryResult | "notFound" | "noAddress";

type TDb = Pick<PrismaClient, "notification">;

export async function sendNotificationEmail(db: TDb, notificationId: string, mail: TMailSettings): Promise<TSendEmailResult> {
  const n = await db.notification.findUnique({
    where: { id: notificationId },
    select: {
      id: true,
      kind: true,
      title: true,
      body: true,
      params: true,
      link: true,
      user: { select: { email: true, locale: true, active: true } },
    },
  });
  if (!n) return "notFound";
  const email = n.user?.active ? n.user.email?.trim() : null;
  if (!email) return "noAddress";

  const locale = resolveLocale(n.user?.locale);
  const texts = (locale === "en" ? en : zh).notifications.email;
  const rendered = renderNotification(n.kind, paramsOf(n.params), locale) ?? { title: n.title, body: n.body ?? "" };
  const url = n.link ? `${mail.baseUrl ?? ""}${n.link}` : null;
  const text = [rendered.body, url ? fillMessage(texts.open, { url }) : null, "", "—", texts.footer].filter((l) => l !== null).join("\n");

  return deliverMail(mail.config, { to: email, subject: rendered.title, text, name: n.id });
}
