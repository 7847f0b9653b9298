import { redirect } from "next/navigation";
import { requireAdminPage } from "./_lib/guard";

export default async function AdminPage() {
  await requireAdminPage("users.manage");
  redirect("/admin/users");
}
