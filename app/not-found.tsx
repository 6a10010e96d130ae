import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { dashboardPath } from "@/lib/auth/areas";
import { getCurrentUser } from "@/lib/server/auth/current-user";

// One page for every "not found", in the portal or outside it. Inside the portal it is
// drawn within the portal's layout, which keeps a signed-in user's header and menu (a wrong
// link or another tenant's id should not strand them); an address that matches no route is
// sent there too (app/(portal)/[...missing]/page.tsx). Next.js renders this page ahead with
// every page view, as the fallback of each layout, so it stays this small. The way back goes
// to the user's dashboard, unless the account must first change its password or enrol a
// second factor, which the dashboard would send them to anyway.
export default async function NotFound() {
  const [t, user] = await Promise.all([getTranslations("errors"), getCurrentUser()]);
  const inPortal = user && !user.mustChangePassword && !user.needsTotpEnrolment;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">{t("notFound")}</h1>
      <Link href={inPortal ? dashboardPath(user.role) : "/"} className="mt-6 inline-block text-brand-700 underline">
        {t(inPortal ? "backToDashboard" : "backHome")}
      </Link>
    </main>
  );
}
