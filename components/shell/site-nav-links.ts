export interface NavLink {
  href: string;
  label: string;
}

const MAIN_LINKS: readonly NavLink[] = [
  { href: "/", label: "Board" },
  { href: "/history", label: "History" },
  { href: "/account", label: "Your accounts" },
];

/** The admin-only pages; the server leaves them out of the page for anyone else (the pages refuse them anyway). */
const ADMIN_LINKS: readonly NavLink[] = [
  { href: "/notifications", label: "Notifications" },
  { href: "/admin/displays", label: "Displays" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/audit", label: "Audit log" },
];

export function listNavLinks(isAdmin: boolean): { main: readonly NavLink[]; admin: readonly NavLink[] } {
  return { main: MAIN_LINKS, admin: isAdmin ? ADMIN_LINKS : [] };
}
