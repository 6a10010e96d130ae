import { PublicFooter } from "./public-footer";
import { PublicHeader } from "./public-header";

// The public portal's frame (banner, footer) for signed-out visitors. Not a route-group
// layout on purpose: /products shows signed-in users the portal frame instead, so each
// public page picks its frame. The page renders its own <main id="main"> (the skip
// link's target).
export function PublicFrame({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <PublicHeader />
      <div className="flex flex-1 flex-col">{children}</div>
      <PublicFooter />
    </div>
  );
}
