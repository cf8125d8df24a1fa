"use client";

import type { SourceHealth } from "@/lib/shared/public-status-contract";
import type { WallConnection } from "@/lib/client/noc/judge-wall-health";
import { judgeSource, type SourceDisplayState } from "@/lib/client/source-freshness";
import { StatusIcon } from "@/components/ui/status-icon";
import { AGE_STEP_MS, AgoTime } from "@/components/noc/wall-times";
import { useTextClock } from "@/components/noc/use-wall-clock";
import type { WakeLockState } from "@/components/noc/use-screen-wake-lock";

const SOURCE_LOOK: Record<SourceDisplayState, { word: string; icon: "operational" | "degraded" | "disrupted" | "unknown" }> = {
  ok: { word: "Live", icon: "operational" },
  stale: { word: "Stale", icon: "degraded" },
  error: { word: "Failing", icon: "disrupted" },
  disabled: { word: "Off", icon: "unknown" },
  unavailable: { word: "Unavailable", icon: "disrupted" },
};

const CONNECTION_LOOK: Record<WallConnection, { word: string; icon: "operational" | "degraded" | "disrupted" }> = {
  live: { word: "Live", icon: "operational" },
  connecting: { word: "Connecting", icon: "degraded" },
  reconnecting: { word: "Reconnecting", icon: "disrupted" },
  offline: { word: "Offline", icon: "disrupted" },
};

interface WallFooterProps {
  sources: readonly SourceHealth[];
  connection: WallConnection;
  wakeLock: WakeLockState;
}

/** Always on screen: how fresh each source is, and whether this screen is connected. */
export function WallFooter({ sources, connection, wakeLock }: WallFooterProps) {
  const now = useTextClock(AGE_STEP_MS);
  const connectionLook = CONNECTION_LOOK[connection];
  return (
    <footer className="noc-bottom">
      <h2 className="noc-sr">Data sources</h2>
      <ul className="noc-sources">
        {sources.map((source) => {
          const state = judgeSource(source, now);
          const look = SOURCE_LOOK[state];
          return (
            <li key={source.id} data-state={state} data-source={source.id}>
              <StatusIcon status={look.icon} className="noc-icon" />
              <span className="noc-source-label">{source.label}</span> <strong className="noc-source-state">{look.word}</strong>
              {source.lastSuccessAt !== null && (
                <>
                  {" "}
                  <AgoTime iso={source.lastSuccessAt} />
                </>
              )}
            </li>
          );
        })}
        {/* Last, so its word changing as the stream connects after load moves nothing else on the wall. */}
        <li data-state={connection === "live" ? "ok" : "error"} data-source="stream">
          <StatusIcon status={connectionLook.icon} className="noc-icon" />
          <span className="noc-source-label">Server stream</span> <strong className="noc-source-state">{connectionLook.word}</strong>
        </li>
      </ul>
      {wakeLock === "unavailable" && <p className="noc-wake">Screen wake lock unavailable</p>}
    </footer>
  );
}
