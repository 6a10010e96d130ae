import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { getEventFormOptions } from "@/lib/events/queries/get-event-form-options";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { EventForm } from "./event-form";

export const dynamic = "force-dynamic";

export default async function NewEventPage() {
  const user = await requirePermission("events.manage");
  const [t, options] = await Promise.all([getTranslations("events"), getEventFormOptions(db(), user)]);
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/events" label={t("back")} />
      <PageHeader title={t("form.title")} intro={user.orgKind === "PARK" ? t("form.introPark") : t("form.intro")} />
      <EventForm options={options} />
    </main>
  );
}
