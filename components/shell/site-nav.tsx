import { connection } from "next/server";
import { readPagePrincipal } from "@/lib/server/auth/authorize";
import { NavLinks } from "@/components/shell/nav-links";
import { listNavLinks } from "@/components/shell/site-nav-links";

/** Decided on the server: a viewer's page never carries the admin links (an admin is also the local user under `none`). */
export async function SiteNav() {
  await connection();
  const principal = await readPagePrincipal();
  const links = listNavLinks(principal.role === "admin" && principal.grants.has("admin"));
  return <NavLinks main={links.main} admin={links.admin} />;
}
