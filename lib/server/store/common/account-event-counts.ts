import type { ActiveEventCount } from "@/lib/server/store/contract/store-records";

/** The same SQL on both engines: plain columns, standard GROUP BY, COUNT read back as a number (see open-postgres-engine). */
export const ACTIVE_EVENT_COUNTS_SQL = `SELECT status, category, service, region, account_id, event_type_code, COUNT(*) AS count
  FROM account_events WHERE status IN ('open', 'upcoming')
  GROUP BY status, category, service, region, account_id, event_type_code`;

export const SCHEDULED_CHANGE_STARTS_SQL = `SELECT start_time FROM account_events
  WHERE status = 'upcoming' AND category = 'scheduledChange' AND start_time IS NOT NULL ORDER BY start_time`;

export interface ActiveEventCountRow {
  status: string;
  category: string;
  service: string;
  region: string | null;
  account_id: string;
  event_type_code: string;
  count: number;
}

export function toActiveEventCount(row: ActiveEventCountRow): ActiveEventCount {
  return {
    status: row.status === "upcoming" ? "upcoming" : "open",
    category: row.category,
    service: row.service,
    region: row.region,
    accountId: row.account_id === "" ? null : row.account_id,
    eventTypeCode: row.event_type_code,
    count: row.count,
  };
}
