import { ClientMessages } from "@/components/i18n/client-messages";

// The messages the dashboard's client components (request cards, closed items, to-do list,
// reminders, counts) translate in the browser: only the parts of each namespace they use,
// since every dashboard view carries them.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "dashboardEnterprise.items",
        "dashboardEnterprise.todo",
        "dashboardEnterprise.progress",
        "dashboardEnterprise.reminders",
        "dashboardEnterprise.counts",
        "requests.types",
        "requests.statuses",
        "requests.answerKinds",
        "requestDetail.deadline",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
