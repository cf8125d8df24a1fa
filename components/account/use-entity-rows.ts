import { useEffect, useState } from "react";
import { buildEntitiesApiUrl, ENTITY_PAGE } from "@/lib/client/account/entity-links";
import { EMPTY_ENTITY_ROWS, joinEntityRowColumns, type EntityRowColumns } from "@/lib/client/account/entity-rows";
import { getEntityTableModel, sortEntityIndices } from "@/lib/client/account/entity-table-model";
import { fetchEntityColumns, startPreloadedEntityColumns, takePreloadedEntityColumns } from "@/lib/client/account/fetch-entity-columns";

// The table's model (search text, default order) is built with the early rows too, while the page still hydrates.
startPreloadedEntityColumns((page) => sortEntityIndices(getEntityTableModel(page.rows), "entity", "asc"));

/** Beyond this the browser keeps the first rows only; the CSV download still has every row. */
export const MAX_LOADED_ROWS = 250_000;

export interface EntityRowsLoad {
  rows: EntityRowColumns;
  /** total the server reported; null before the first page */
  total: number | null;
  state: "loading" | "partial" | "complete" | "error";
  error: string | null;
}

const INITIAL: EntityRowsLoad = { rows: EMPTY_ENTITY_ROWS, total: null, state: "loading", error: null };

/** Every affected resource of an event, fetched in lean pages of 50,000; each page is shown as soon as it arrives. */
export function useEntityRows(eventId: string, reloadToken: number): EntityRowsLoad {
  const [load, setLoad] = useState<EntityRowsLoad>(INITIAL);

  useEffect(() => {
    const controller = new AbortController();
    performance.mark("healthdeck:entities-requested");
    async function loadAll() {
      const pages: EntityRowColumns[] = [];
      let loaded = 0;
      let offset = 0;
      for (;;) {
        const url = buildEntitiesApiUrl(eventId, offset, ENTITY_PAGE, "lean");
        const page = await (takePreloadedEntityColumns(url) ?? fetchEntityColumns(url, controller.signal));
        pages.push(page.rows);
        loaded += page.rows.count;
        const done = page.nextOffset === null || page.rows.count === 0 || loaded >= MAX_LOADED_ROWS;
        if (controller.signal.aborted) return;
        setLoad({ rows: joinEntityRowColumns(pages), total: page.total, state: done ? "complete" : "partial", error: null });
        if (done || page.nextOffset === null) return;
        offset = page.nextOffset;
      }
    }
    loadAll().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setLoad((previous) => ({ ...previous, state: "error", error: error instanceof Error ? error.message : "could not load affected resources" }));
    });
    return () => controller.abort();
  }, [eventId, reloadToken]);

  return load;
}
