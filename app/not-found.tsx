import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dashboardPath } from "@/lib/auth/areas";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { PortalFrame } from "./(portal)/portal-frame";

// One page for every "not found", in the portal or outside it. A signed-in user keeps the
// portal's header and menu (a wrong link or another tenant's id should not strand them),
// unless the account must first change its password or enrol a second factor, which the
// menu's pages would send them to anyway.
export default async function NotFound() {
  const [t, user] = await Promise.all([getTranslations("errors"), getCurrentUser()]);
  const inPortal = user && !user.mustChangePassword && !user.needsTotpEnrolment;
  const body = (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">{t("notFound")}</h1>
      <Link href={inPortal ? dashboardPath(user.role) : "/"} className="mt-6 inline-block text-brand-700 underline">
        {t(inPortal ? "backToDashboard" : "backHome")}
      </Link>
    </main>
  );
  return inPortal ? <PortalFrame user={user}>{body}</PortalFrame> : body;
}
