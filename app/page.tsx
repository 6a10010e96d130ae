import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dashboardPath } from "@/lib/auth/areas";
import { resolveLocale } from "@/lib/i18n/locales";
import { getHeadlineStats } from "@/lib/portal/queries/get-headline-stats";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ApplySteps } from "./(public)/_components/apply-steps";
import { HeadlineStats } from "./(public)/_components/headline-stats";
import { ProgramSummary } from "./(public)/_components/program-summary";
import { PublicFrame } from "./(public)/_components/public-frame";
import { ServiceEntries } from "./(public)/_components/service-entries";

// "/" is the public portal's front door. Signed-in users go straight to their own
// dashboard, as before; everyone else sees the program, how to apply and the year's
// figures. It reads the session (and the language cookie), so it renders per request.
export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await getCurrentUser();
  if (user) redirect(dashboardPath(user.role));

  const now = new Date();
  const [t, locale, program, stats] = await Promise.all([
    getTranslations("portal.home"),
    getLocale().then(resolveLocale),
    getCurrentProgram(db(), undefined, now),
    // From the read models: a few rows, so no cache (every app server shows the same figures).
    getHeadlineStats(db(), now),
  ]);
  const days = program?.rules?.replyDeadlineDays;

  return (
    <PublicFrame>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 space-y-12 px-4 py-8 text-base leading-[1.75] sm:px-8 sm:py-10">
        <div className="space-y-4">
          <p className="text-sm font-medium tracking-wide text-brand-700">{program?.name ?? t("eyebrow")}</p>
          <h1 className="text-2xl font-bold leading-snug tracking-wide text-slate-900 sm:text-3xl">{t("title")}</h1>
          <p className="max-w-prose text-lg text-slate-700">{days ? t("lead", { days }) : t("leadNoProgram")}</p>
          <div className="flex flex-wrap gap-3 pt-1">
            <Link href="/register" className="rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-900">
              {t("ctaRegister")}
            </Link>
            <a href="#apply" className="rounded-md px-4 py-2.5 font-medium text-brand-700 ring-1 ring-brand-600 hover:bg-brand-50">
              {t("ctaApply")}
            </a>
            <Link href="/sign-in" className="px-2 py-2.5 font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
              {t("ctaSignIn")}
            </Link>
          </div>
        </div>
        <HeadlineStats stats={stats} locale={locale} />
        <ProgramSummary program={program} locale={locale} now={now} />
        <ApplySteps />
        <ServiceEntries />
      </main>
    </PublicFrame>
  );
}
