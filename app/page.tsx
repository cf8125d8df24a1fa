import { getPublicStatus } from "@/lib/server/services/get-public-status";
import { compactStatusResponse } from "@/lib/shared/compact-status-response";
import { fingerprintEvents } from "@/lib/shared/fingerprint-events";
import { fingerprintServices } from "@/lib/shared/fingerprint-services";
import { parseBoardUrl } from "@/lib/shared/parse-board-url";
import { REGION_NAMES } from "@/lib/client/aws-regions";
import { buildBoardModel } from "@/lib/client/board-model";
import { AccountSummaryPanels } from "@/components/account/account-summary-panels";
import { LiveStatus } from "@/components/board/live-status";
import { ServerStatusGrid, canServerRenderGrid } from "@/components/board/server-status-grid";
import { EventList } from "@/components/events/event-list";
import { StatusLegend } from "@/components/ui/status-legend";
import { authorizePage } from "@/lib/server/auth/authorize";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function BoardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await authorizePage("read-status", "/");
  // Invalid params fall back to no filter; the board says why.
  const { filter, error } = parseBoardUrl(await searchParams);
  const status = await getPublicStatus(filter);
  const model = buildBoardModel(status.services, "");
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-[120rem] px-4 py-6 focus:outline-none sm:px-6">
      <h1 className="mb-4 text-2xl font-bold tracking-tight">AWS public status</h1>
      <LiveStatus
        // The events and the first grid are rendered right here on the server; the browser keeps only the services.
        initial={compactStatusResponse({ ...status, events: [] })}
        filter={filter}
        filterError={error}
        regionNames={REGION_NAMES}
        legend={<StatusLegend />}
        events={
          <div className="min-w-0 space-y-8">
            <AccountSummaryPanels />
            <EventList events={status.events} />
          </div>
        }
        eventsFingerprint={fingerprintEvents(status.events)}
        serverGrid={canServerRenderGrid(model) ? <ServerStatusGrid model={model} filterRegions={filter.regions} regionNames={REGION_NAMES} /> : null}
        servicesFingerprint={fingerprintServices(status.services)}
        serverSummary={{ counts: model.counts, total: model.total }}
      />
    </main>
  );
}
