import { getTranslations } from "next-intl/server";
import { MissingCalendarWarning } from "@/components/calendar/missing-calendar-warning";
import { LanguageSwitch } from "@/app/language-switch";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { AREAS } from "@/lib/auth/areas";
import { navigationMenuFor } from "@/lib/auth/navigation";
import { asFormAction } from "@/lib/server/action";
import { signOutAction } from "./actions";
import { NotificationBell } from "./notification-bell";
import { PortalAreaLabel } from "./portal-area-label";
import { PortalNav, type TPortalNavEntry } from "./portal-nav";

// Header and navigation around every signed-in page, drawn once per page by the portal's
// layout (app/(portal)/layout.tsx), so a page that is not found, or fails, keeps the menu.
export async function PortalFrame({ user, children }: { user: TSessionUser; children: React.ReactNode }) {
  const [t, tApp, tAreas] = await Promise.all([getTranslations("nav"), getTranslations("app"), getTranslations("areas")]);
  const entries = navigationMenuFor(user.role).map((e): TPortalNavEntry =>
    e.kind === "link"
      ? { kind: "link", item: { ...e.item, label: t(e.item.key) } }
      : { kind: "group", key: e.key, label: t(`groups.${e.key}`), items: e.items.map((i) => ({ ...i, label: t(i.key) })) },
  );
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-8">
          <div className="flex items-center gap-3">
            <span className="font-semibold text-brand-900">{tApp("name")}</span>
            <PortalAreaLabel labels={Object.fromEntries(AREAS.map((a) => [a, tAreas(a)]))} />
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
        <PortalNav entries={entries} label={t("label")} menuLabel={t("menu")} />
      </header>
      <MissingCalendarWarning user={user} />
      {children}
    </div>
  );
}
