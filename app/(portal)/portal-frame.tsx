import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MissingCalendarWarning } from "@/components/calendar/missing-calendar-warning";
import { LanguageSwitch } from "@/components/layout/language-switch";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { navigationFor } from "@/lib/auth/navigation";
import { asFormAction } from "@/lib/server/action";
import { signOutAction } from "./actions";
import { NotificationBell } from "./notification-bell";

// Header and navigation around every signed-in page.
export async function PortalFrame({ user, area, children }: { user: TSessionUser; area?: string; children: React.ReactNode }) {
  const [t, tApp, tAreas] = await Promise.all([getTranslations("nav"), getTranslations("app"), getTranslations("areas")]);
  const items = navigationFor(user.role);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-8">
          <div className="flex items-center gap-3">
            <span className="font-semibold text-brand-900">{tApp("name")}</span>
            {area && <span className="text-slate-600">{tAreas(area)}</span>}
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span className="text-slate-600">{t("signedInAs", { name: user.name, org: user.orgName })}</span>
            <NotificationBell userId={user.userId} />
            <LanguageSwitch />
            <form action={asFormAction(signOutAction)}>
              <button type="submit" className="rounded px-2 py-1 text-slate-700 underline-offset-4 hover:underline">
                {t("signOut")}
              </button>
            </form>
          </div>
        </div>
        <nav aria-label={t("label")} className="mx-auto max-w-6xl px-4 sm:px-8">
          <ul className="flex flex-wrap gap-x-4 text-sm">
            {items.map((item) => (
              <li key={item.key}>
                <Link href={item.href} className="inline-block border-b-2 border-transparent py-2 text-slate-700 hover:border-brand-600">
                  {t(item.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <MissingCalendarWarning user={user} />
      {children}
    </div>
  );
}
