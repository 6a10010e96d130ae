import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { StatCard } from "@/components/ui/stat-card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TArea } from "@/lib/auth/areas";
import type { TPlatformOverview } from "@/lib/overview/queries/get-platform-overview";

// The frame every role's dashboard shares until its own widgets arrive.
export async function DashboardShell({ area, overview }: { area: TArea; overview: TPlatformOverview }) {
  const [t, tAreas, tApp] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("areas"),
    getTranslations("app"),
  ]);
  const stats = [
    { label: t("parks"), value: overview.parks },
    { label: t("banks"), value: overview.banks },
    { label: t("enterprises"), value: overview.enterprises },
    { label: t("openRequests"), value: overview.openRequests },
  ];
  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <div>
          <span className="font-semibold text-brand-900">{tApp("name")}</span>
          <span className="ml-3 text-slate-600">{tAreas(area)}</span>
        </div>
        <nav className="flex items-center gap-3">
          <LanguageSwitch />
          <Link href="/sign-in" className="text-sm text-slate-600 underline-offset-4 hover:underline">
            {t("signOut")}
          </Link>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <h1 className="text-2xl font-semibold">{tAreas(area)}</h1>
        {overview.program ? (
          <p className="text-slate-700">
            {overview.program.name} · {t("programYear", { year: overview.program.year })}
          </p>
        ) : (
          <p role="status" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
            {t("noProgram")}
          </p>
        )}
        <section aria-labelledby="overview-title">
          <h2 id="overview-title" className="mb-3 text-lg font-medium">
            {t("overview")}
          </h2>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
            {stats.map((s) => (
              <StatCard key={s.label} label={s.label} value={t("unit", { count: s.value })} />
            ))}
          </dl>
        </section>
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      </main>
    </div>
  );
}
