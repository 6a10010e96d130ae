import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { listQuestionnaireKeyLists } from "@/lib/questionnaires/queries/list-questionnaire-key-lists";
import { listQuestionnaireParks } from "@/lib/questionnaires/queries/list-questionnaire-parks";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { QuestionnaireForm } from "./questionnaire-form";

export const dynamic = "force-dynamic";

export default async function NewQuestionnairePage() {
  await requirePermission("questionnaires.manage");
  const [t, parks, lists] = await Promise.all([
    getTranslations("questionnaires"),
    listQuestionnaireParks(db()),
    listQuestionnaireKeyLists(db()),
  ]);
  const today = shanghaiDateString(new Date());
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href="/questionnaires" label={t("title")} />
      <PageHeader title={t("new")} intro={t("intro")} />
      <QuestionnaireForm parks={parks} lists={lists} today={today} />
    </main>
  );
}
