import { getTranslations } from "next-intl/server";

// Shown while a portal page streams in: grey blocks where the header, the title and the
// content will be, and one line for screen readers.
//
// Used by the loading.tsx of lists only. A page behind a loading boundary sends its status
// before its data is read: a detail page ([id]) would answer another tenant's id 200
// instead of 404, and a role dashboard a database failure 200 instead of 5xx, so neither
// has one.
export async function PortalLoading() {
  const t = await getTranslations("errors");
  return (
    <div className="min-h-screen">
      <div className="h-24 border-b border-slate-200 bg-white" />
      <main id="main" aria-busy="true" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <p role="status" className="text-slate-700">
          {t("loading")}
        </p>
        <div aria-hidden="true" className="animate-pulse space-y-4">
          <div className="h-8 w-64 max-w-full rounded bg-slate-200" />
          <div className="grid gap-4 sm:grid-cols-3">
            <div className="h-24 rounded-lg bg-slate-200" />
            <div className="h-24 rounded-lg bg-slate-200" />
            <div className="h-24 rounded-lg bg-slate-200" />
          </div>
          <div className="h-64 rounded-lg bg-slate-200" />
        </div>
      </main>
    </div>
  );
}
