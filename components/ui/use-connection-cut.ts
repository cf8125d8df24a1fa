import type { LiveConnectionState } from "@/lib/client/live/live-health";
import { useSustained } from "@/components/ui/use-sustained";

// A stream that drops and comes back at once is not worth an alarm; one that stays down is.
const CUT_ALARM_DELAY_MS = 3000;

/** True once the page's live stream has been down (reconnecting or offline) for a few seconds without a break. */
export function useConnectionCut(connection: LiveConnectionState): boolean {
  return useSustained(connection === "reconnecting" || connection === "offline", CUT_ALARM_DELAY_MS);
}
