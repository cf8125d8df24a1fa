import { useEffect, useState } from "react";
import type { AffectedEntity } from "@/lib/shared/account-health-contract";
import { buildEntitiesApiUrl, ENTITY_PAGE } from "@/lib/client/account/entity-links";
import { fetchEntityColumns } from "@/lib/client/account/fetch-entity-columns";

/** Beyond this the browser keeps the first rows only; the CSV download still has every row. */
export const MAX_LOADED_ROWS = 250_000;

export interface EntityRowsLoad {
  entities: readonly AffectedEntity[];
  /** total the server reported; null before the first page */
  total: number | null;
  state: "loading" | "partial" | "complete" | "error";
  error: string | null;
}

const INITIAL: EntityRowsLoad = { entities: [], total: null, state: "loading", error: null };

/** Every affected resource of an event, fetched in lean pages of 50,000; each page is shown as soon as it arrives. */
export function useEntityRows(eventId: string, reloadToken: number): EntityRowsLoad {
  const [load, setLoad] = useState<EntityRowsLoad>(INITIAL);

  useEffect(() => {
    const controller = new AbortController();
    performance.mark("healthdeck:entities-requested");
    async function loadAll() {
      let loaded: AffectedEntity[] = [];
      let offset = 0;
      for (;;) {
        const page = await fetchEntityColumns(buildEntitiesApiUrl(eventId, offset, ENTITY_PAGE, "lean"), controller.signal);
        loaded = loaded.length === 0 ? page.entities : loaded.concat(page.entities);
        const done = page.nextOffset === null || page.entities.length === 0 || loaded.length >= MAX_LOADED_ROWS;
        if (controller.signal.aborted) return;
        setLoad({ entities: loaded, total: page.total, state: done ? "complete" : "partial", error: null });
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
