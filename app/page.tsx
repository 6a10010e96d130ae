import { redirect } from "next/navigation";
import { dashboardPath } from "@/lib/auth/areas";
import { requireUser } from "@/lib/server/auth/current-user";

// The public portal comes later; until then "/" sends each user to their own dashboard
// (and signed-out visitors to the sign-in page).
export default async function Home() {
  const user = await requireUser();
  redirect(dashboardPath(user.role));
}
