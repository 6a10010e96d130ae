import { getCurrentUser } from "@/lib/server/auth/current-user";

// The session check runs here, before any of the page is sent (the pages' loading states
// stream below this layout): when the database cannot be reached it fails now, while the
// answer can still be a 503 (lib/server/database-unavailable.ts). The page's own check
// (requireUser, requirePermission) reads the same memoised result, so this costs no extra
// query; it protects nothing by itself.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  await getCurrentUser();
  return children;
}
