import { ClientMessages } from "@/components/i18n/client-messages";

// The messages the request cards (a client component) translate in the browser: only the
// parts of each namespace they use, since every dashboard view carries them.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "dashboardEnterprise.items",
        "dashboardEnterprise.todo",
        "dashboardEnterprise.progress",
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
