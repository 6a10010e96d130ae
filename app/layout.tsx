import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessageFormatCache } from "@/components/i18n/client-message-format-cache";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SettleIntlConfig } from "@/components/i18n/settle-intl-config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("fullName"), description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <SettleIntlConfig />
        <ClientMessageFormatCache />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-700 focus:shadow"
        >
          {t("skipToContent")}
        </a>
        <ClientMessages>{children}</ClientMessages>
      </body>
    </html>
  );
}
