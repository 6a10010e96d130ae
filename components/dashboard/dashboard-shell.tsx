import { getTranslations } from "next-intl/server";
import { StatCard } from "@/components/ui/stat-card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TArea } from "@/lib/auth/areas";
import type { TPlatformOverview } from "@/lib/overview/queries/get-platform-overview";

// The body every role's dashboard shares until its own widgets arrive.
export async function DashboardShell({ area, overview }: { area: TArea; overview: TPlatformOverview }) {
  const [t, tAreas] = await Promise.all([getTranslations("dashboard"), getTranslations("areas")]);
  const stats = [
    { label: t("parks"), value: overview.parks },
    { label: t("banks"), value: overview.banks },
    { label: t("enterprises"), value: overview.enterprises },
    { label: t("openRequests"), value: overview.openRequests },
  ];
  return (
    <>
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
    </>
  );
}
