import type { EntitiesQuery } from "@/lib/shared/account-query";
import type { AffectedEntity, EntitiesResponse } from "@/lib/shared/account-health-contract";
import type { AccountEventsRepo } from "@/lib/server/store/account-events-repo";

export function listEventEntities(repo: AccountEventsRepo, eventId: string, query: EntitiesQuery): EntitiesResponse | null {
  if (!repo.getById(eventId)) return null;
  const page = repo.listEntities(eventId, {
    offset: query.offset,
    limit: query.limit,
    search: query.q,
    statuses: query.statuses,
    sort: query.sort,
    descending: query.order === "desc",
  });
  const nextOffset = query.offset + page.entities.length < page.total ? query.offset + page.entities.length : null;
  return { eventId, total: page.total, offset: query.offset, limit: query.limit, nextOffset, entities: page.entities };
}

const CSV_COLUMNS = ["entityValue", "entityArn", "accountId", "status", "lastUpdatedTime", "entityUrl"] as const;
const CSV_CHUNK = 2000;

/** Quotes every cell; a leading = + - @ is defused so spreadsheets never evaluate upstream text as a formula. */
export function toCsvCell(value: string | null): string {
  if (value === null) return "";
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${defused.replace(/"/g, '""')}"`;
}

export function toCsvRow(entity: AffectedEntity): string {
  return `${CSV_COLUMNS.map((column) => toCsvCell(entity[column])).join(",")}\r\n`;
}

/** Streams every entity matching the filter (ignoring offset/limit) in chunks, so 50,000 rows never sit in one string. */
export function streamEntitiesCsv(repo: AccountEventsRepo, eventId: string, query: EntitiesQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let offset = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(",")}\r\n`));
        return;
      }
      const page = repo.listEntities(eventId, {
        offset,
        limit: CSV_CHUNK,
        search: query.q,
        statuses: query.statuses,
        sort: query.sort,
        descending: query.order === "desc",
      });
      if (page.entities.length === 0) {
        controller.close();
        return;
      }
      offset += page.entities.length;
      controller.enqueue(encoder.encode(page.entities.map(toCsvRow).join("")));
    },
  });
}
