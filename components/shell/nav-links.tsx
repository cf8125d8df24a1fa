"use client";

import { AppLink } from "@/components/ui/app-link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Board" },
  { href: "/history", label: "History" },
  { href: "/account", label: "Your accounts" },
  { href: "/notifications", label: "Notifications" },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1">
      {LINKS.map(({ href, label }) => {
        const isCurrent = href === "/" ? pathname === "/" : pathname.startsWith(href);
        return (
          <li key={href}>
            <AppLink
              href={href}
              aria-current={isCurrent ? "page" : undefined}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-100 aria-[current=page]:bg-gray-900 aria-[current=page]:text-white dark:text-gray-300 dark:hover:bg-gray-800 dark:aria-[current=page]:bg-gray-100 dark:aria-[current=page]:text-gray-950"
            >
              {label}
            </AppLink>
          </li>
        );
      })}
    </ul>
  );
}
