import { redirect } from "next/navigation";

// The public portal comes later; until then the front door is the sign-in page.
export default function Home() {
  redirect("/sign-in");
}
