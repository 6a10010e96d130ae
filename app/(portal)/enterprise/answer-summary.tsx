import { useTranslations } from "next-intl";
import type { TAnswerSummary } from "@/lib/dashboard/enterprise-answer";
import { formatWanYuan } from "@/lib/i18n/format";
import type { TLocale } from "@/lib/i18n/locales";

// What the bank last said, on one line: the kind of answer, the amount, the first line of
// its text. Shared by the open items' cards (rendered as a client component) and the rows
// of recently closed items (server).
export function AnswerSummary({ answer, locale }: { answer: TAnswerSummary; locale: TLocale }) {
  const t = useTranslations("dashboardEnterprise.items");
  const tAnswerKinds = useTranslations("requests.answerKinds");
  return (
    <>
      <span className="font-medium">{tAnswerKinds(answer.kind)}</span>
      {answer.amountFen && <> · {t("amount", { amount: formatWanYuan(answer.amountFen, locale) })}</>}
      {answer.line && <> · {answer.line}</>}
    </>
  );
}
