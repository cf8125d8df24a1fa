"use client";

import { judgeWallHealth, type WallHealthInput } from "@/lib/client/noc/judge-wall-health";
import { StatusIcon } from "@/components/ui/status-icon";
import { useTextClock } from "@/components/noc/use-wall-clock";
import { AGE_STEP_MS } from "@/components/noc/wall-times";

// More lines would push the data itself off the wall; the footer lists every source anyway.
const MAX_LINES = 3;

/**
 * The full-width bar that says the picture may be wrong. The live region is always in the page, so
 * screen readers announce the warning when it is filled.
 */
export function WallAlert(props: Omit<WallHealthInput, "now">) {
  const now = useTextClock(AGE_STEP_MS);
  const warnings = judgeWallHealth({ ...props, now });
  const isDisconnected = warnings.some((warning) => warning.kind !== "source");
  return (
    <div role="alert" className="noc-alert" data-kind={warnings.length === 0 ? undefined : isDisconnected ? "disconnected" : "stale"}>
      {warnings.length > 0 && (
        <>
          <p className="noc-alert-head">
            <StatusIcon status={isDisconnected ? "disrupted" : "degraded"} className="noc-icon" />
            Data may be out of date
          </p>
          <ul className="noc-alert-list">
            {warnings.slice(0, MAX_LINES).map((warning) => (
              <li key={warning.id}>
                <strong>{warning.headline}</strong>: {warning.detail}
              </li>
            ))}
            {warnings.length > MAX_LINES && <li>and {warnings.length - MAX_LINES} more (see the sources below)</li>}
          </ul>
        </>
      )}
    </div>
  );
}
