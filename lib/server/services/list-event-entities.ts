import type { EntitiesQuery } from "@/lib/shared/account-query";
import type { AffectedEntity, EntitiesResponse } from "@/lib/shared/account-health-contract";
import type { EntityColumnsResponse } from "@/lib/shared/entity-columns-contract";
import type { HealthdeckStore, StoreReaders } from "@/lib/server/store/healthdeck-store";

type AccountEventsReader = StoreReaders["accountEvents"];
import { createEntityPageCache } from "@/lib/server/services/cache-entity-pages";

const toRepoQuery = (query: EntitiesQuery) => ({
  offset: query.offset,
  limit: query.limit,
  search: query.q,
  statuses: query.statuses,
  sort: query.sort,
  descending: query.order === "desc",
});

const findNextOffset = (offset: number, length: number, total: number) => (offset + length < total ? offset + length : null);

export async function listEventEntities(repo: AccountEventsReader, eventId: string, query: EntitiesQuery): Promise<EntitiesResponse | null> {
  if (!(await repo.getById(eventId))) return null;
  const page = await repo.listEntities(eventId, toRepoQuery(query));
  return { eventId, total: page.total, offset: query.offset, limit: query.limit, nextOffset: findNextOffset(query.offset, page.entities.length, page.total), entities: page.entities };
}

/** The same page as listEventEntities, as dictionary-encoded columns (`format=lean`), read in slices. */
export async function listEventEntityColumns(repo: AccountEventsReader, eventId: string, query: EntitiesQuery): Promise<EntityColumnsResponse | null> {
  if (!(await repo.getById(eventId))) return null;
  const page = await repo.listEntityColumns(eventId, toRepoQuery(query));
  const nextOffset = findNextOffset(query.offset, page.columns.value.length, page.total);
  return { eventId, total: page.total, offset: query.offset, limit: query.limit, nextOffset, format: "lean", columns: page.columns };
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
export function streamEntitiesCsv(repo: AccountEventsReader, eventId: string, query: EntitiesQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let offset = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(",")}\r\n`));
        return;
      }
      const page = await repo.listEntities(eventId, { ...toRepoQuery(query), offset, limit: CSV_CHUNK });
      if (page.entities.length === 0) {
        controller.close();
        return;
      }
      offset += page.entities.length;
      controller.enqueue(encoder.encode(page.entities.map(toCsvRow).join("")));
    },
  });
}

const leanPages = createEntityPageCache(4, 16 * 1024 * 1024);

/**
 * The `format=lean` page as JSON text, cached until the event's resources change (its entities version, read from
 * the database each time, so a commit by another process counts too). Null when there is no such event.
 */
export async function readEntityColumnsJson(store: HealthdeckStore, eventId: string, query: EntitiesQuery): Promise<string | null> {
  const version = await store.accountEvents.getEntitiesVersion(eventId);
  if (version === null) return null;
  const key = `${eventId}?${JSON.stringify(query)}`;
  return leanPages.get(key, String(version), async () => {
    const page = await listEventEntityColumns(store.accountEvents, eventId, query);
    return page === null ? null : JSON.stringify(page);
  });
}
