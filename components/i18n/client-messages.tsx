import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickNamespaces, type TClientMessages } from "@/lib/i18n/messages/client";

/**
 * Gives the client components below it the message namespaces they translate (see
 * lib/i18n/messages/client.ts); used by the layout of each route segment that renders
 * such components. The root layout gives the ones needed everywhere.
 */
export async function ClientMessages({
  namespaces = [],
  children,
}: {
  namespaces?: readonly TClientMessages[];
  children: React.ReactNode;
}) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickNamespaces(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
