import type { SimEvent, WorldState } from "@/lib/simulator/world-state";

/** The JSON shape of one currentevents entry, with AWS's string/number types and key order. */
export interface CurrentEventJson {
  date: string;
  arn: string;
  region_name: string;
  status: string;
  service: string;
  service_name: string;
  summary: string;
  event_log: Array<{ summary: string; message: string; status: number; timestamp: number }>;
  impacted_services?: Record<string, { service_name: string; current: string; max: string }>;
  impacted_service_status_changes?: Array<{
    service: string;
    service_name: string;
    previous_status: string;
    current_status: string;
    timestamp: number;
  }>;
  end_time?: string;
}

/** Compact JSON of the events still listed (open or recently resolved), oldest first. */
export function renderCurrentEventsJson(world: WorldState): string {
  return JSON.stringify(world.events.filter((event) => !event.expired).map(toCurrentEventJson));
}

export function toCurrentEventJson(event: SimEvent): CurrentEventJson {
  const json: CurrentEventJson = {
    date: String(event.date),
    arn: event.arn,
    region_name: event.regionName,
    status: String(event.level),
    service: event.key,
    service_name: event.serviceName,
    summary: event.summary,
    event_log: event.log.map((entry) => ({ ...entry })),
  };
  if (event.impacted) {
    json.impacted_services = Object.fromEntries(
      [...event.impacted].map(([key, state]) => [
        key,
        { service_name: state.serviceName, current: String(state.current), max: String(state.max) },
      ]),
    );
    json.impacted_service_status_changes = event.changes.map((change) => ({
      service: change.service,
      service_name: change.serviceName,
      previous_status: String(change.previous),
      current_status: String(change.current),
      timestamp: change.timestampMs,
    }));
  }
  if (event.endTime !== null) json.end_time = String(event.endTime);
  return json;
}
