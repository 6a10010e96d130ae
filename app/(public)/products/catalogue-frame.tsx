import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { PortalFrame } from "../../(portal)/portal-frame";
import { PublicFrame } from "../_components/public-frame";

/**
 * The catalogue is one page for everyone (/products): a signed-in user sees it inside the
 * portal with its navigation, a visitor with the public header. A session that still has
 * to change its password or enrol TOTP counts as a visitor here: the portal would send it
 * away first.
 */
export async function catalogueViewer(): Promise<TSessionUser | null> {
  const user = await getCurrentUser();
  return user && !user.mustChangePassword && !user.needsTotpEnrolment ? user : null;
}

/** The card's call to action: an enterprise requests with the product, a visitor signs in first. */
export function requestAction(
  viewer: TSessionUser | null,
  productName: string,
  t: (key: string) => string,
): { href: string; label: string } | null {
  if (!viewer) return { href: "/sign-in", label: t("signInToUse") };
  if (!can(viewer.role, "requests.create")) return null;
  return { href: `/requests/new?${new URLSearchParams({ product: productName })}`, label: t("useInRequest") };
}

export function CatalogueFrame({ viewer, children }: { viewer: TSessionUser | null; children: React.ReactNode }) {
  return viewer ? <PortalFrame user={viewer}>{children}</PortalFrame> : <PublicFrame>{children}</PublicFrame>;
}
