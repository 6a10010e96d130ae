import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type TLocale } from "@/lib/i18n/locales";
import { installMessageFormatCache } from "@/lib/i18n/message-format-cache";
import { loadMessages } from "@/lib/i18n/messages/load";

// Server components format their messages with this module's IntlMessageFormat: parse
// each message once per process, not once per request.
installMessageFormatCache();

// No locale in the URL: the chosen language lives in a cookie, so links and
// bookmarks are the same for everyone. Chinese unless the user picked English.
async function requestLocale(): Promise<TLocale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    timeZone: "Asia/Shanghai",
    messages: await loadMessages(locale),
  };
});
