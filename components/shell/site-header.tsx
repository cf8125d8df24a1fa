import { AppLink } from "@/components/ui/app-link";
import { SiteNav } from "@/components/shell/site-nav";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { AuthStatus } from "@/components/shell/auth-status";

export function SiteHeader() {
  return (
    <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-950">
      <div className="mx-auto flex max-w-[120rem] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <AppLink href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <svg viewBox="0 0 32 32" aria-hidden="true" className="size-7">
            <rect width="32" height="32" rx="7" className="fill-gray-900 dark:fill-gray-100" />
            <path d="M5 17h5l3-7 5 13 3-6h6" fill="none" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" className="stroke-emerald-400 dark:stroke-emerald-700" />
          </svg>
          Healthdeck
        </AppLink>
        {/* On a phone the nav takes its own row below the name and the theme switch. */}
        <nav aria-label="Main" className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
          <SiteNav />
        </nav>
        <div className="ml-auto flex items-center gap-4">
          <AuthStatus />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
