import Link from "next/link";
import { connection } from "next/server";
import { AccountOverviewLive } from "@/components/account/account-overview-live";
import { loadOpenAccountEvents } from "@/components/account/load-open-account-events";

/** Compact Personal Health Dashboard for a column beside the public board: counts, the first few events, source state. */
export async function AccountSummaryPanels() {
  await connection();
  const { initial, renderedAt } = loadOpenAccountEvents();
  return (
    <section aria-labelledby="account-summary-heading" className="min-w-0 space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="account-summary-heading" className="text-xl font-bold">
          Your accounts
        </h2>
        <p className="flex gap-3 text-sm">
          <Link href="/account" className="font-semibold text-blue-800 underline dark:text-sky-300">
            Dashboard
          </Link>
          <Link href="/account/events" className="font-semibold text-blue-800 underline dark:text-sky-300">
            Event log
          </Link>
        </p>
      </div>
      <AccountOverviewLive initial={initial} renderedAt={renderedAt} compact />
    </section>
  );
}
