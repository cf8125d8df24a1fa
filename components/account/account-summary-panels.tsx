import { AppLink } from "@/components/ui/app-link";
import { connection } from "next/server";
import { AccountPanels } from "@/components/account/account-panels";
import { AccountSourceState } from "@/components/account/account-source-state";
import { loadOpenAccountEvents } from "@/components/account/load-open-account-events";
import { readPagePrincipal } from "@/lib/server/auth/authorize";

/**
 * Compact Personal Health Dashboard for a column beside the public board: counts, the first few events, and the
 * source state when it is not live (the board's freshness strip shows it when it is). Rendered on the server, inside
 * the board's ServerNowContext; the layout's AccountRefreshLoader renders the page again when the events change.
 */
export async function AccountSummaryPanels() {
  await connection();
  // The open public board shows no account section to someone who may not read accounts.
  if (!(await readPagePrincipal()).grants.has("read-account")) return null;
  const { initial } = await loadOpenAccountEvents();
  return (
    <section aria-labelledby="account-summary-heading" className="min-w-0 space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="account-summary-heading" className="text-xl font-bold">
          Your accounts
        </h2>
        <p className="flex gap-3 text-sm">
          <AppLink href="/account" className="font-semibold text-blue-800 underline dark:text-sky-300">
            Dashboard
          </AppLink>
          <AppLink href="/account/events" className="font-semibold text-blue-800 underline dark:text-sky-300">
            Event log
          </AppLink>
        </p>
      </div>
      {initial === null ? (
        <p role="status" className="rounded-md border border-red-400 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-500 dark:bg-red-950 dark:text-red-50">
          Could not read your account events from Healthdeck&apos;s store; see the server log.
        </p>
      ) : (
        <div className="space-y-3">
          {initial.sources.some((source) => source.state !== "ok") && <AccountSourceState sources={initial.sources} compact nested />}
          <AccountPanels events={initial.events} compact />
        </div>
      )}
    </section>
  );
}
