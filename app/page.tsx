import { redirect } from "next/navigation";
import { getSessionContext } from "@/lib/auth";

// `/` is only a doorway: the pipeline for a signed-in user, the sign-in page for everyone else.
export default async function HomePage() {
  const ctx = await getSessionContext();
  redirect(ctx ? "/opportunities" : "/login");
}
