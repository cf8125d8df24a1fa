"use client";

import { AppLink } from "@/components/ui/app-link";
import { usePathname } from "next/navigation";
import type { NavLink } from "@/components/shell/site-nav-links";

const LINK_STYLE =
  "block whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-700 aria-[current=page]:bg-gray-900 aria-[current=page]:text-white dark:text-gray-300 dark:hover:bg-gray-800 dark:focus-visible:outline-sky-300 dark:aria-[current=page]:bg-gray-100 dark:aria-[current=page]:text-gray-950";

function LinkList({ links, label, pathname }: { links: readonly NavLink[]; label?: string; pathname: string }) {
  return (
    <ul aria-label={label} className="flex flex-wrap items-center gap-1">
      {links.map(({ href, label: text }) => {
        const isCurrent = href === "/" ? pathname === "/" : pathname.startsWith(href);
        return (
          <li key={href}>
            <AppLink href={href} aria-current={isCurrent ? "page" : undefined} className={LINK_STYLE}>
              {text}
            </AppLink>
          </li>
        );
      })}
    </ul>
  );
}

/** The site's links; the admin ones come as a second, labelled list only when the server decided the reader is an admin. */
export function NavLinks({ main, admin }: { main: readonly NavLink[]; admin: readonly NavLink[] }) {
  const pathname = usePathname() ?? "";
  return (
    // Wraps rather than scrolls on a phone, so no link hides off-screen.
    <div className="flex flex-wrap items-center gap-1">
      <LinkList links={main} pathname={pathname} />
      {admin.length > 0 && (
        <>
          <span aria-hidden="true" className="mx-1 hidden h-5 w-px shrink-0 bg-gray-300 sm:block dark:bg-gray-700" />
          <LinkList links={admin} label="Admin" pathname={pathname} />
        </>
      )}
    </div>
  );
}
