"use client";

import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { buildNocModel, toWallStreamScope, type NocAccountRow, type NocServiceRow } from "@/lib/client/noc/build-noc-model";
import { describeScope } from "@/lib/client/noc/describe-scope";
import { graceFor } from "@/lib/client/noc/judge-wall-health";
import type { NocSettings } from "@/lib/client/noc/noc-settings";
import { playChime } from "@/lib/client/noc/play-chime";
import type { WallInitialData } from "@/lib/client/noc/trim-for-wall";
import { INITIAL_LIVE_HEALTH, type LiveHealth } from "@/lib/client/live/live-health";
import { formatCount } from "@/lib/client/account/describe-event-type";
import { ServerNowContext } from "@/components/ui/server-now-context";
import { AccountRow, type AccountRowKind } from "@/components/noc/account-row";
import { BurnInShell } from "@/components/noc/burn-in-shell";
import { CalmPanel } from "@/components/noc/calm-panel";
import { PagedRegion } from "@/components/noc/paged-region";
import { ServiceRow } from "@/components/noc/service-row";
import { useNewRows } from "@/components/noc/use-new-rows";
import { useScreenWakeLock } from "@/components/noc/use-screen-wake-lock";
import { useSustained } from "@/components/ui/use-sustained";
import { useWallTrust } from "@/components/noc/use-wall-trust";
import { WallAlert } from "@/components/noc/wall-alert";
import { WallFooter } from "@/components/noc/wall-footer";
import { WallHeader } from "@/components/noc/wall-header";

/** How long a new row keeps its "New" tag and pulse. */
export const HIGHLIGHT_MS = 3 * 60_000;

interface NocScreenProps {
  settings: NocSettings;
  initial: WallInitialData;
  serverNow: number;
}

const rowKeyOf = (row: { rowKey: string }) => row.rowKey;

const WallStream = lazy(() => import("@/components/noc/wall-stream").then((module) => ({ default: module.WallStream })));

/** The wall: server-rendered first, then live from the stream; never scrolls, pages what does not fit. */
export function NocScreen({ settings, initial, serverNow }: NocScreenProps) {
  const { scope, rotateSeconds, chime } = settings;
  const streamScope = useMemo(() => toWallStreamScope(scope), [scope]);
  const [live, setLive] = useState<LiveHealth>(INITIAL_LIVE_HEALTH);
  const status = live.status ?? initial.status;
  const account = live.account ?? initial.account;
  const model = useMemo(() => buildNocModel(status, account, scope, initial.serviceCount), [status, account, scope, initial.serviceCount]);

  const onNew = useCallback(() => {
    if (chime) playChime();
  }, [chime]);
  const highlighted = useNewRows(model.rowKeys, HIGHLIGHT_MS, onNew);
  const wakeLock = useScreenWakeLock();

  // Both halves may list the same source (the board also shows account health): one line each.
  const sources = useMemo(() => [...new Map([...status.sources, ...account.sources].map((source) => [source.id, source])).values()], [status.sources, account.sources]);
  const isDisconnectSustained = useSustained(live.connection !== "live", graceFor(live.connection));
  const health = { connection: live.connection, isDisconnectSustained, lastMessageAt: live.lastMessageAt, sources };
  const isTrustworthy = useWallTrust(health);

  const rotateMs = rotateSeconds * 1000;
  const renderService = (row: NocServiceRow) => <ServiceRow row={row} isNew={highlighted.has(row.rowKey)} />;
  const renderAccount = (kind: AccountRowKind, row: NocAccountRow) => <AccountRow event={row.event} kind={kind} isNew={highlighted.has(row.rowKey)} />;

  return (
    <ServerNowContext value={serverNow}>
      <Suspense fallback={null}>
        <WallStream scope={streamScope} onChange={setLive} />
      </Suspense>
      <div className="noc" data-theme={settings.theme} data-distance={settings.distance} data-layout={settings.layout} data-connection={live.connection}>
        <BurnInShell>
          <WallHeader scopeText={describeScope(scope)} isSimulated={status.simulated} />
          <WallAlert {...health} />
          <main id="main" className="noc-main" data-has-account={model.hasAccountHealth || undefined}>
            {model.security.length > 0 && (
              <PagedRegion
                id="security"
                title="Security events"
                className="noc-region--security"
                items={model.security}
                getKey={rowKeyOf}
                renderItem={(row) => renderAccount("security", row)}
                rotateMs={rotateMs}
              />
            )}
            <div className="noc-columns">
              {model.services.length > 0 ? (
                <PagedRegion
                  id="services"
                  title="Services with problems"
                  aside={
                    <span className="noc-count">
                      {formatCount(model.problemCount)} of {formatCount(model.serviceCount)}
                      {model.unknownServices > 0 && ` · ${formatCount(model.unknownServices)} unknown`}
                    </span>
                  }
                  items={model.services}
                  getKey={rowKeyOf}
                  renderItem={renderService}
                  rotateMs={rotateMs}
                />
              ) : (
                <CalmPanel serviceCount={model.serviceCount} unknownServices={model.unknownServices} statuses={scope.statuses} isTrustworthy={isTrustworthy} />
              )}
              {model.hasAccountHealth && (
                <div className="noc-side">
                  <PagedRegion
                    id="issues"
                    title="Your open issues"
                    items={model.issues}
                    getKey={rowKeyOf}
                    renderItem={(row) => renderAccount("issue", row)}
                    rotateMs={rotateMs}
                    empty={<p className="noc-none">No open issues in your accounts</p>}
                  />
                  <PagedRegion
                    id="scheduled"
                    title="Next scheduled changes"
                    items={model.scheduled}
                    getKey={rowKeyOf}
                    renderItem={(row) => renderAccount("scheduled", row)}
                    rotateMs={rotateMs}
                    empty={<p className="noc-none">No scheduled changes</p>}
                  />
                </div>
              )}
            </div>
          </main>
          <WallFooter sources={sources} connection={live.connection} wakeLock={wakeLock} />
        </BurnInShell>
      </div>
    </ServerNowContext>
  );
}
