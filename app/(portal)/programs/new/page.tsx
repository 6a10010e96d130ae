import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { requirePermission } from "@/lib/server/auth/current-user";
import { PortalFrame } from "../../portal-frame";
import { CreateProgramForm } from "../create-program-form";

export const dynamic = "force-dynamic";

export default async function NewProgramPage() {
  const user = await requirePermission("programs.manage");
  const t = await getTranslations("programs");
  return (
    <PortalFrame user={user}>
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
        <Link href="/programs" className="text-sm text-brand-700 underline-offset-2 hover:underline">
          {t("backToList")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("form.title")}</h1>
        <p className="text-slate-700">{t("form.intro")}</p>
        <CreateProgramForm defaultYear={Number(shanghaiDateString(new Date()).slice(0, 4))} />
      </main>
    </PortalFrame>
  );
}
