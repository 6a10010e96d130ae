import { ClientMessages } from "@/components/i18n/client-messages";

// The messages the inbox's table (a client component) translates in the browser: only the
// parts of each namespace it uses, since every view of the inbox carries them.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["requestsBank.inbox", "requests.types", "requests.statuses", "requestDetail.deadline"]}>
      {children}
    </ClientMessages>
  );
}
