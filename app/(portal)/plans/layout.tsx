import { ClientMessages } from "@/components/i18n/client-messages";

// The message namespaces the client components of this section translate in the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["plans"]}>{children}</ClientMessages>;
}
