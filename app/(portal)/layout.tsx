import { getCurrentUser } from "@/lib/server/auth/current-user";
import { PortalFrame } from "./portal-frame";

// The session check runs here, before any of the page is sent (the pages' loading states
// stream below this layout): when the database cannot be reached it fails now, while the
// answer can still be a 503 (lib/server/database-unavailable.ts). The page's own check
// (requireUser, requirePermission) reads the same memoised result, so this costs no extra
// query; it protects nothing by itself.
//
// The portal's header and menu are drawn here, once, around every page of a signed-in user,
// and around what replaces a page: the "not found" page and the error page keep the menu.
// (A signed-out visitor gets no frame; the page itself sends them to sign in.)
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return user ? <PortalFrame user={user}>{children}</PortalFrame> : children;
}
