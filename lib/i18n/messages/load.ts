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
  "directory",
  "enterprises",
  "import",
  "indicators",
  "errors",
  "health",
  "language",
  "nav",
  "notifications",
  "orgs", "users",
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
] as const;

export async function loadMessages(locale: TLocale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    NAMESPACES.map(async (ns) => (await import(`./${locale}/${ns}.json`)).default as Record<string, unknown>),
  );
  return Object.assign({}, ...parts);
}
