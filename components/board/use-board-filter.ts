import { useCallback, useEffect, useOptimistic, useState, useTransition } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import type { StatusFilter } from "@/lib/shared/status-filter";
import { readBoardQuery, serializeBoardUrl } from "@/lib/shared/board-url";

const EMPTY_FILTER: StatusFilter = { regions: [], services: [], statuses: [] };

const hrefFor = (filter: StatusFilter, query: string) => {
  const search = serializeBoardUrl(filter, query);
  return search === "" ? "/" : `/?${search}`;
};

/**
 * The board's filter lives in the URL. Region/service/status changes go through the router, so the server parses,
 * filters and hands back `urlFilter`; the name search is client-only and updates the URL in place.
 */
export function useBoardFilter(urlFilter: StatusFilter) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [filter, setOptimisticFilter] = useOptimistic(urlFilter);
  const [isPending, startTransition] = useTransition();
  const [query, setQueryState] = useState(() => readBoardQuery(searchParams));
  // Our own URL writes come back through useSearchParams later, possibly after more typing: remember them, so only a
  // navigation (restoring a remembered filter, the Board link) replaces what is in the search box.
  const [written, setWritten] = useState<readonly string[]>([]);
  const urlQuery = readBoardQuery(searchParams);
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    if (!written.includes(urlQuery)) setQueryState(urlQuery);
  }

  // Back/forward restores an older URL: take its search text.
  useEffect(() => {
    const onPopState = () => setQueryState(readBoardQuery(new URLSearchParams(window.location.search)));
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const setFilter = useCallback(
    (next: StatusFilter) => {
      startTransition(() => {
        setOptimisticFilter(next);
        router.replace(hrefFor(next, query), { scroll: false });
      });
    },
    [router, query, setOptimisticFilter],
  );

  const setQuery = useCallback(
    (next: string) => {
      setQueryState(next);
      setWritten((previous) => [...previous.slice(-19), next]);
      window.history.replaceState(null, "", hrefFor(urlFilter, next));
    },
    [urlFilter],
  );

  const clearAll = useCallback(() => {
    setQueryState("");
    startTransition(() => {
      setOptimisticFilter(EMPTY_FILTER);
      router.replace("/", { scroll: false });
    });
  }, [router, setOptimisticFilter]);

  return { filter, query, isPending, setFilter, setQuery, clearAll };
}
