"use client";

import useSWR from "swr";
import type { ExposedKeyResponse } from "@/lib/shared/exposed-key-contract";
import type { StatusFetchError } from "@/lib/client/fetch-status-response";
import { buildExposedKeyKey, fetchExposedKey } from "@/lib/client/account/fetch-exposed-key";
import { DeactivateForm } from "@/components/account/exposed-key/deactivate-form";
import { ExposedKeyFacts } from "@/components/account/exposed-key/exposed-key-facts";
import { KeyTrailTable } from "@/components/account/exposed-key/key-trail-table";
import { LookupForm } from "@/components/account/exposed-key/lookup-form";
import { RequiredPolicies } from "@/components/account/exposed-key/required-policies";
import { TimeStamp } from "@/components/ui/time-stamp";

const RUNNING_REFRESH_MS = 2_000;
const AWAITING_AUTO_REFRESH_MS = 5_000;

/** Polls only while something is about to change: a look-up running, or the automatic one not started yet. */
function refreshIntervalFor(view: ExposedKeyResponse): number {
  if (view.lookup?.status === "running") return RUNNING_REFRESH_MS;
  return view.lookup === null && view.settings.lookup === "auto" ? AWAITING_AUTO_REFRESH_MS : 0;
}

/** The response to an exposed access key: what AWS said, the key's state, what it did, and the one guarded action. */
/** `canDeactivate`: the viewer is an admin (decided on the server; the action route checks again). */
export function ExposedKeyPanel({ initial, canDeactivate = true }: { initial: ExposedKeyResponse; canDeactivate?: boolean }) {
  const { data, error, mutate } = useSWR<ExposedKeyResponse, StatusFetchError>(buildExposedKeyKey(initial.eventId), fetchExposedKey, {
    fallbackData: initial,
    // Before the first fetch SWR passes undefined (fallbackData is not cached): the server's view decides.
    refreshInterval: (latest) => refreshIntervalFor(latest ?? initial),
    revalidateOnMount: false,
    revalidateIfStale: false,
  });
  const view = data ?? initial;
  const { lookup, settings, facts } = view;
  const refresh = () => void mutate();
  return (
    <section aria-labelledby="exposed-key-heading" className="space-y-5 rounded-md border-2 border-red-700 p-4 dark:border-red-400" data-testid="exposed-key-panel">
      <h2 id="exposed-key-heading" className="text-lg font-bold">
        Exposed access key: respond here
      </h2>
      {error !== undefined && <p role="status">Could not refresh: {error.message}. Showing the last data received.</p>}
      <ExposedKeyFacts view={view} />

      <div className="space-y-3">
        <h3 className="font-bold">What the key did (CloudTrail)</h3>
        <p className="font-semibold">{view.coverage}</p>
        <p role="status" data-testid="lookup-status">
          {lookup === null
            ? settings.lookup === "auto"
              ? "No look-up yet: it runs by itself when the event arrives."
              : "No look-up yet."
            : lookup.status === "running"
              ? `Look-up running${lookup.startedBy ? ` (started by ${lookup.startedBy})` : ""}: ${lookup.progress?.pages ?? 0} CloudTrail page${lookup.progress?.pages === 1 ? "" : "s"}, ${lookup.progress?.events ?? 0} events so far…`
              : lookup.status === "failed"
                ? `Look-up failed: ${lookup.error ?? "unknown reason"}`
                : `Look-up ${lookup.trigger === "auto" ? "(automatic) " : ""}finished: ${lookup.totalEvents} event${lookup.totalEvents === 1 ? "" : "s"} over the last ${lookup.window?.hours ?? lookup.requested.hours} h.`}
          {lookup?.status === "complete" && lookup.error && ` Note: ${lookup.error}`}
        </p>
        {lookup?.finishedAt && (
          <p className="text-sm">
            Read at <TimeStamp iso={lookup.finishedAt} />
          </p>
        )}
        {settings.lookup === "off" ? (
          <p>Look-ups are off (HEALTHDECK_EXPOSED_KEY_LOOKUP=off).</p>
        ) : (
          <LookupForm eventId={view.eventId} isRunning={lookup?.status === "running"} onStarted={refresh} />
        )}
        {lookup && lookup.status !== "running" && <KeyTrailTable lookup={lookup} />}
      </div>

      <div className="space-y-3">
        <h3 className="font-bold">Take the key out of service</h3>
        {settings.actions === "deactivate" && !canDeactivate ? (
          <p>Only an admin may deactivate the key from Healthdeck.</p>
        ) : settings.actions === "deactivate" && facts.last4 && facts.maskedKeyId ? (
          <DeactivateForm eventId={view.eventId} maskedKeyId={facts.maskedKeyId} last4={facts.last4} onDone={refresh} />
        ) : (
          <p>Deactivation from Healthdeck is off (HEALTHDECK_EXPOSED_KEY_ACTIONS=none). Deactivate or delete the key in the IAM console.</p>
        )}
        {view.actions.length > 0 && (
          <ul aria-label="Actions taken" className="list-disc space-y-1 pl-5 text-sm">
            {view.actions.map((action) => (
              <li key={action.id}>
                <TimeStamp iso={action.at} /> {action.actor}: deactivate, {action.result.replace("-", " ")}
                {action.reason && ` (${action.reason})`}
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm">Next: create a new key for whatever used this one, delete the old key once nothing needs it, review the calls above, and answer AWS&apos;s support case.</p>
      </div>
      <RequiredPolicies view={view} />
    </section>
  );
}
