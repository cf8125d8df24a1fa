import { COVERAGE_NOTE } from "@/lib/shared/exposed-key-contract";
import type { KeyState } from "@/lib/server/sources/exposed-key/read-key-state";
import type { KeyTrail } from "@/lib/server/sources/exposed-key/lookup-key-trail";
import { summariseTrail } from "@/lib/server/sources/exposed-key/group-trail-events";

const list = (items: readonly { name: string; count: number }[]) => (items.length === 0 ? "none" : items.map((item) => `${item.name} (${item.count})`).join(", "));

/** The security notification's text after a look-up: state, top actions, addresses, regions, and what was not read. Pure. */
export function renderTrailSummary(input: { maskedKeyId: string; userName: string | null; keyState: KeyState | null; trail: KeyTrail }): string {
  const { trail } = input;
  const summary = summariseTrail(trail.groups);
  const read = trail.regions.filter((region) => region.status !== "failed").map((region) => region.region);
  const missed = trail.regions.filter((region) => region.status === "failed").map((region) => `${region.region} (${region.problem?.kind ?? "failed"})`);
  const who = input.userName ? ` of user ${input.userName}` : "";
  const state = input.keyState
    ? ` Key is ${input.keyState.status === "unknown" ? "in an unknown state" : input.keyState.status}; ${input.keyState.quarantinePolicies.length > 0 ? `AWS quarantine policy attached (${input.keyState.quarantinePolicies.join(", ")})` : input.keyState.quarantineKnown ? "no AWS quarantine policy attached" : "quarantine policy unknown"}.`
    : "";
  return [
    `Exposed key ${input.maskedKeyId}${who}: CloudTrail look-up over the last ${trail.hours} h in ${read.join(", ") || "no region"} found ${summary.calls} call${summary.calls === 1 ? "" : "s"} (${summary.errors} failed).${state}`,
    `Top actions: ${list(summary.actions)}.`,
    `Source IPs: ${list(summary.sourceIps)}.`,
    `Regions: ${list(summary.regions)}.`,
    ...(trail.cappedAt !== null ? [`Capped at ${trail.cappedAt} events: there may be more.`] : []),
    ...(missed.length > 0 ? [`Not read: ${missed.join(", ")}.`] : []),
    COVERAGE_NOTE,
  ].join("\n");
}
