"use client";

import { installMessageFormatCache } from "@/lib/i18n/message-format-cache";

// The server's rendering of client components to HTML, and the browser, have their own copy
// of IntlMessageFormat, apart from the one server components translate with
// (lib/server/i18n/request.ts installs the memo there). Loading this module installs it in
// this copy too: each message with arguments is parsed, and its locale resolved, once per
// process or page load instead of once per view. Rendered once, by the root layout.
installMessageFormatCache();

export function ClientMessageFormatCache() {
  return null;
}
