"use client";

import { useState } from "react";
import type { AccountEventsResponse } from "@/lib/shared/account-health-contract";
import type { AccountStreamState } from "@/components/account/account-stream";
import { AccountStreamLoader } from "@/components/account/account-stream-loader";
import { AccountPanels } from "@/components/account/account-panels";
import { AccountSourceState } from "@/components/account/account-source-state";
import { useOpenAccountEvents } from "@/components/account/use-open-account-events";
import { ConnectionProblem } from "@/components/ui/connection-problem";
import { LiveIndicator } from "@/components/ui/live-indicator";
import { ServerNowContext } from "@/components/ui/server-now-context";
import { useConnectionCut } from "@/components/ui/use-connection-cut";

interface AccountOverviewLiveProps {
  /** open and upcoming events as the server rendered them; null when the server could not read them */
  initial: AccountEventsResponse | null;
  renderedAt: number;
}

/** The /account page's panels and source state, fed by the page's live stream (polled every 30 s while it is down). */
export function AccountOverviewLive({ initial, renderedAt }: AccountOverviewLiveProps) {
  const { data, error } = useOpenAccountEvents(initial ?? undefined);
  const [stream, setStream] = useState<AccountStreamState>({ connection: "connecting", lastMessageAt: null });
  const { connection } = stream;
  const isCut = useConnectionCut(connection);
  return (
    <ServerNowContext value={renderedAt}>
      <AccountStreamLoader onChange={setStream} />
      <div className="space-y-5" data-live-connection={connection}>
        <LiveIndicator connection={connection} />
        {isCut && <ConnectionProblem connection={connection} fetchError={null} dataAt={new Date(stream.lastMessageAt ?? renderedAt).toISOString()} />}
        {data !== undefined && <AccountSourceState sources={data.sources} />}
        {error !== undefined && !isCut && (
          <p role="status" className="rounded-md border border-red-400 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-500 dark:bg-red-950 dark:text-red-50">
            Could not refresh your account events: {error.message}.{data !== undefined && " Showing the last data received."}
          </p>
        )}
        {data !== undefined ? (
          <AccountPanels events={data.events} />
        ) : (
          error === undefined && <p className="text-sm text-gray-700 dark:text-gray-300">Loading your account events…</p>
        )}
      </div>
    </ServerNowContext>
  );
}
