import type { TLocale } from "../locales";

// Messages are split by namespace — one JSON file per feature, the same file name in
// every language, holding one top-level key (its namespace) — so features can add
// strings without touching each other's files. A new file must be listed here; a unit
// test checks the list against the folders.
export const NAMESPACES = [
  "account",
  "app",
  "areas",
  "audit",
  "calendar",
  "dashboard",
  "dashboardBank",
  "dashboardEnterprise",
  "dashboardFinance",
  "dashboardPark",
  "dashboardPbc",
  "demo",
  "directory",
  "enterprises",
  "evaluation",
  "import",
  "jobs",
  "indicators",
  "errors",
  "health",
  "language",
  "ledgerIntegrity",
  "ledgers",
  "nav",
  "notifications",
  "orgs",
  "passwordReset",
  "users",
  "pairings",
  "portal",
  "products",
  "programs",
  "ranking",
  "registration",
  "registry",
  "requests",
  "requestForm",
  "requestsBank",
  "requestDetail",
  "supervision",
  "roles",
  "signIn",
  "submissions",
  "support",
  "summons",
  "targets",
  "rewards",
  "visits",
  "questionnaires",
  "loans",
  "keyLists",
  "events",
  "plans",
] as const;

// The files are static, so each language is read and merged once per process and every
// request shares the result (read-only: nothing may change it).
const loaded = new Map<TLocale, Promise<Readonly<Record<string, unknown>>>>();

export function loadMessages(locale: TLocale): Promise<Readonly<Record<string, unknown>>> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = Promise.all(NAMESPACES.map(async (ns) => (await import(`./${locale}/${ns}.json`)).default as Record<string, unknown>)).then(
      (parts) => Object.freeze(Object.assign({}, ...parts) as Record<string, unknown>),
    );
    // A failed read is not kept: the next request tries again.
    messages.catch(() => loaded.delete(locale));
    loaded.set(locale, messages);
  }
  return messages;
}
