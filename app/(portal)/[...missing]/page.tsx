import { notFound } from "next/navigation";

// An address that matches no route is answered inside the portal's layout, so a signed-in
// user's "not found" page keeps the header and menu (app/not-found.tsx draws the page).
export default function MissingPage(): never {
  notFound();
}
