import { getTranslations } from "next-intl/server";
import { LinkTabs } from "@/components/ui/link-tabs";

// The three views of 1+1 support: the pairings with their files, the monthly reports, the
// year-end assessment's lists.
export async function SupportTabs({ current }: { current: "pairings" | "reports" | "assessment" }) {
  const t = await getTranslations("support");
  return (
    <LinkTabs
      label={t("tabs.label")}
      current={current}
      tabs={[
        { key: "pairings", label: t("tabs.pairings"), href: "/support" },
        { key: "reports", label: t("tabs.reports"), href: "/support/reports" },
        { key: "assessment", label: t("tabs.assessment"), href: "/support/assessment" },
      ]}
    />
  );
}
