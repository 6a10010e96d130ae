import { getTranslations } from "next-intl/server";
import type { TQuarterRates } from "@/lib/dashboard/shared-rates";
import { percentText } from "./format";
import { LinkedStat } from "./linked-stat";

// A quarter's reply rate and on-time reply rate with what they count, as two stats of a
// dashboard's <dl>. Labels come from the dashboard's own messages (`namespace`), which
// name them alike; each stat links where its items are (`hrefs`).
export async function ReplyRateStats({
  namespace,
  rates,
  hrefs,
}: {
  namespace: "dashboardBank" | "dashboardPbc";
  rates: TQuarterRates;
  hrefs: { reply: string; onTime: string };
}) {
  const t = await getTranslations(namespace);
  const none = t("none");
  return (
    <>
      <LinkedStat
        label={t("rates.reply")}
        value={percentText(rates.replyRate, none)}
        href={hrefs.reply}
        note={t("rates.replyNote", { answered: rates.answered, owed: rates.owed })}
      />
      <LinkedStat
        label={t("rates.onTime")}
        value={percentText(rates.onTimeReplyRate, none)}
        href={hrefs.onTime}
        note={t("rates.onTimeNote", { onTime: rates.onTime, owed: rates.owed })}
      />
    </>
  );
}
