import { listPageAssets } from "@/bench/support/list-page-assets";
import { withTimeout } from "@/bench/support/with-timeout";

export interface ViewerTally {
  pageMs: number[];
  apiMs: number[];
  assetRequests: number;
  errors: number;
  firstError: string | null;
}

export function createViewerTally(): ViewerTally {
  return { pageMs: [], apiMs: [], assetRequests: 0, errors: 0, firstError: null };
}

export interface ViewerPlan {
  baseUrl: string;
  /** The SWR key the board polls for the default (unfiltered) view. */
  apiPath: string;
  startDelayMs: number;
  pollMs: number;
  signal: AbortSignal;
  tally: ViewerTally;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

const REQUEST_TIMEOUT_MS = 60_000;

/** undici's "fetch failed" says nothing; its cause says why. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

async function fetchText(url: string, plan: ViewerPlan, timings: number[] | null): Promise<string | null> {
  const started = performance.now();
  try {
    // Like a browser: keep-alive, gzip accepted, body read in full.
    const signal = AbortSignal.any([plan.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]);
    const request = async () => {
      const response = await fetch(url, { signal, headers: { accept: url.includes("/api/") ? "application/json" : "*/*" } });
      return { response, text: await response.text() };
    };
    const { response, text } = await withTimeout(request(), REQUEST_TIMEOUT_MS + 1000, `GET ${url}`);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    timings?.push(performance.now() - started);
    return text;
  } catch (error) {
    if (plan.signal.aborted) return null;
    plan.tally.errors += 1;
    plan.tally.firstError ??= describeError(error);
    return null;
  }
}

/**
 * One browser tab on the board: loads `/` and the scripts and stylesheets it references, then refreshes the
 * status API on a timer that starts after each response (SWR's refreshInterval; no refetch on mount because
 * the page is server-rendered with the same data).
 */
export async function simulateViewer(plan: ViewerPlan): Promise<void> {
  await sleep(plan.startDelayMs, plan.signal);
  if (plan.signal.aborted) return;
  const html = await fetchText(`${plan.baseUrl}/`, plan, plan.tally.pageMs);
  if (html !== null) {
    const assets = listPageAssets(html, `${plan.baseUrl}/`);
    const urls = [...assets.scripts, ...assets.stylesheets];
    plan.tally.assetRequests += urls.length;
    await Promise.all(urls.map((url) => fetchText(url, plan, null)));
  }
  while (!plan.signal.aborted) {
    await sleep(plan.pollMs, plan.signal);
    if (plan.signal.aborted) return;
    await fetchText(`${plan.baseUrl}${plan.apiPath}`, plan, plan.tally.apiMs);
  }
}
