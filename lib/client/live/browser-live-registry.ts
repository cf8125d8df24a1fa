import { mutate } from "swr";
import { liveScopeToSearchParams, parseLiveScope, type LiveScope } from "@/lib/shared/live-scope";
import { createLiveConnection, type LiveConnection, type LiveEnvironment } from "@/lib/client/live/live-connection";
import type { LiveModel } from "@/lib/client/live/live-model";
import { createLiveRegistry, type LiveRegistry } from "@/lib/client/live/live-registry";
import { buildLiveAccountKey, buildLiveStatusKey, toOpenAccountResponse } from "@/lib/client/live/live-swr-keys";
import { pausePollingWhileLive } from "@/lib/client/live/pause-polling-while-live";
import { reloadWithLoopGuard } from "@/lib/client/live/page-build-id";

export const STREAM_PATH = "/api/v1/stream";

const browserEnvironment: LiveEnvironment = {
  addEventListener: (type, listener) => (type === "visibilitychange" ? document : window).addEventListener(type, listener),
  removeEventListener: (type, listener) => (type === "visibilitychange" ? document : window).removeEventListener(type, listener),
  isOnline: () => navigator.onLine !== false,
  isVisible: () => document.visibilityState === "visible",
};

/** Hands the stream's data to SWR, so the pages' existing hooks for the same keys update too. */
function feedSwr(scope: LiveScope, model: LiveModel, previous: LiveModel | null): void {
  if (model.status !== previous?.status) void mutate(buildLiveStatusKey(scope), model.status, { revalidate: false });
  const accountKey = buildLiveAccountKey(scope);
  if (accountKey !== null && model.account !== previous?.account) {
    void mutate(accountKey, toOpenAccountResponse(model.account), { revalidate: false });
  }
}

function reloadPage(): void {
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    // storage denied: the guard cannot count, reload anyway
  }
  reloadWithLoopGuard({ storage, reload: () => window.location.reload(), now: Date.now() });
}

function createBrowserConnection(key: string): LiveConnection {
  const parsed = parseLiveScope(new URLSearchParams(key));
  if (!parsed.ok) throw new Error(`invalid live scope "${key}": ${parsed.error}`);
  const scope = parsed.value;
  const params = liveScopeToSearchParams(scope);
  // The packed status is a thirtieth of the size at AWS scale, and cheap to check: the page's first seconds stay free.
  params.set("snapshot", "compact");
  const connection = createLiveConnection({
    url: `${STREAM_PATH}?${params.toString().replaceAll("%2C", ",")}`,
    createEventSource: (url) => new EventSource(url),
    environment: browserEnvironment,
    onModel: (model, previous) => feedSwr(scope, model, previous),
    onReload: reloadPage,
  });
  const accountKey = buildLiveAccountKey(scope);
  return pausePollingWhileLive(connection, accountKey === null ? [buildLiveStatusKey(scope)] : [buildLiveStatusKey(scope), accountKey]);
}

let registry: LiveRegistry | null = null;

/** The tab's registry: one EventSource per scope key for the whole page, whatever uses it. */
export function getBrowserLiveRegistry(): LiveRegistry {
  registry ??= createLiveRegistry({ createConnection: createBrowserConnection });
  return registry;
}
