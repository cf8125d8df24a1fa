import { ALL_ENABLED_REGIONS } from "@/lib/shared/exposed-key-contract";
import { describeResponderError } from "@/lib/server/sources/exposed-key/describe-responder-error";
import type { ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";
import { listEnabledRegions } from "@/lib/server/sources/exposed-key/list-enabled-regions";
import type { KeyState } from "@/lib/server/sources/exposed-key/read-key-state";

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * us-east-1 (where global services log), the event's region, for the automatic look-up the region the key was last
 * used in, and the regions asked for ("all": every region enabled in the account). An unreadable region list is said.
 */
export async function chooseLookupRegions(
  settings: ExposedKeySourceSettings,
  input: { eventRegion: string | null; requested: readonly string[]; trigger: "auto" | "manual"; accountId: string; keyState: KeyState },
): Promise<{ regions: string[]; error: string | null }> {
  const regions = new Set<string>(["us-east-1"]);
  if (input.eventRegion && REGION.test(input.eventRegion)) regions.add(input.eventRegion);
  const lastUsedRegion = input.keyState.lastUsed?.region;
  if (input.trigger === "auto" && lastUsedRegion && REGION.test(lastUsedRegion)) regions.add(lastUsedRegion);
  let error: string | null = null;
  for (const region of input.requested) {
    if (region !== ALL_ENABLED_REGIONS) regions.add(region);
    else {
      try {
        for (const enabled of await listEnabledRegions(settings, input.accountId)) regions.add(enabled);
      } catch (failure) {
        error = `could not list the enabled regions: ${describeResponderError(failure, "ec2:DescribeRegions").reason}`;
      }
    }
  }
  return { regions: [...regions].sort(), error };
}
