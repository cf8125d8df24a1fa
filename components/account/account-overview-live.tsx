"use client";

import type { AccountEventsResponse } from "@/lib/shared/account-health-contract";
import { AccountPanels } from "@/components/account/account-panels";
import { AccountSourceState } from "@/components/account/account-source-state";
import { useOpenAccountEvents } from "@/components/account/use-open-account-events";
import { ServerNowContext } from "@/components/ui/server-now-context";

interface AccountOverviewLiveProps {
  /** open and upcoming events as the server rendered them; null when the server could not read them */
  initial: AccountEventsResponse | null;
  renderedAt: number;
  compact?: boolean;
}

/** The panels and the source state, refreshed every 30 s. */
export function AccountOverviewLive({ initial, renderedAt, compact = false }: AccountOverviewLiveProps) {
  const { data, error } = useOpenAccountEvents(initial ?? undefined);
  return (
    <ServerNowContext value={renderedAt}>
      <div className={compact ? "space-y-3" : "space-y-5"}>
        {data !== undefined && <AccountSourceState sources={data.sources} compact={compact} nested={compact} />}
        {error !== undefined && (
          <p role="status" className="rounded-md border border-red-400 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-500 dark:bg-red-950 dark:text-red-50">
            Could not refresh your account events: {error.message}.{data !== undefined && " Showing the last data received."}
          </p>
        )}
        {data !== undefined ? (
          <AccountPanels events={data.events} compact={compact} />
        ) : (
          error === undefined && <p className="text-sm text-gray-700 dark:text-gray-300">Loading your account events…</p>
        )}
      </div>
    </ServerNowContext>
  );
}
