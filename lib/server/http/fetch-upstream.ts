import { computeBackoffDelay, sleepUnlessAborted } from "@/lib/server/http/compute-backoff-delay";
import { readLimitedBody } from "@/lib/server/http/read-limited-body";
import { UpstreamError, isTransientHttpStatus } from "@/lib/server/http/upstream-error";

export interface UpstreamValidators {
  etag?: string;
  lastModified?: string;
}

export interface FetchUpstreamOptions {
  url: string;
  validators?: UpstreamValidators;
  userAgent: string;
  /** Sent as `Accept`; defaults to JSON, RSS/XML, then anything. */
  accept?: string;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBytes: number;
  /** Extra attempts after the first, for transient failures only. */
  retries: number;
  retryBaseMs?: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface UpstreamResponse {
  status: 200 | 304;
  /** Raw bytes, undecoded (currentevents is UTF-16BE); null on 304. */
  body: Uint8Array | null;
  validators: UpstreamValidators;
  /** Final URL after redirects. */
  url: string;
  bytes: number;
  attempts: number;
}

export const DEFAULT_ACCEPT = "application/json, application/rss+xml, application/xml;q=0.9, */*;q=0.8";
const DEFAULT_RETRY_BASE_MS = 500;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GETs one upstream document. Rejects with an UpstreamError, or with the caller's abort reason
 * (never retried) when `signal` aborts.
 */
export async function fetchUpstream(options: FetchUpstreamOptions): Promise<UpstreamResponse> {
  const random = options.random ?? Math.random;
  const baseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  for (let attempt = 1; ; attempt += 1) {
    options.signal?.throwIfAborted();
    try {
      const result = await attemptFetch(options);
      return { ...result, attempts: attempt };
    } catch (error) {
      const canRetry = error instanceof UpstreamError && error.isTransient && attempt <= options.retries;
      if (!canRetry || options.signal?.aborted) throw error;
      const waitMs = computeBackoffDelay(attempt - 1, baseMs, random);
      await sleepUnlessAborted(waitMs, options.sleep, options.signal);
    }
  }
}

async function attemptFetch(options: FetchUpstreamOptions): Promise<Omit<UpstreamResponse, "attempts">> {
  const controller = new AbortController();
  const caller = options.signal;
  const onCallerAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener("abort", onCallerAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const armTimeout = (ms: number, phase: string, url: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      controller.abort(new UpstreamError({ kind: "timeout", url, message: `${phase} timed out after ${ms} ms` }));
    }, ms);
  };
  try {
    const { response, url } = await fetchFollowingRedirects(options, controller.signal, armTimeout);
    const validators = readValidators(response.headers, response.status === 304 ? options.validators : undefined);
    if (response.status === 304) {
      discardBody(response);
      return { status: 304, body: null, validators, url, bytes: 0 };
    }
    if (response.status !== 200) {
      discardBody(response);
      throw new UpstreamError({
        kind: "http",
        url,
        status: response.status,
        isTransient: isTransientHttpStatus(response.status),
        message: `upstream answered HTTP ${response.status}`,
      });
    }
    rejectDeclaredOversize(response, options.maxBytes, url);
    armTimeout(options.bodyTimeoutMs, "body read", url);
    const body = await readLimitedBody(response.body, { url, maxBytes: options.maxBytes, signal: controller.signal }).catch(
      (error: unknown) => {
        throw classifyFailure(error, controller.signal, url);
      },
    );
    return { status: 200, body, validators, url, bytes: body.byteLength };
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener("abort", onCallerAbort);
  }
}

async function fetchFollowingRedirects(
  options: FetchUpstreamOptions,
  signal: AbortSignal,
  armTimeout: (ms: number, phase: string, url: string) => void,
): Promise<{ response: Response; url: string }> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const headers = buildRequestHeaders(options);
  const visited = new Set<string>();
  let url = options.url;
  for (let hop = 0; ; hop += 1) {
    visited.add(url);
    armTimeout(options.headersTimeoutMs, "response headers", url);
    let response: Response;
    try {
      response = await fetchImpl(url, { method: "GET", headers, redirect: "manual", signal });
    } catch (error) {
      throw classifyFailure(error, signal, url);
    }
    const location = response.headers.get("location");
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return { response, url };
    discardBody(response);
    const next = resolveRedirect(location, url);
    if (visited.has(next)) {
      throw new UpstreamError({ kind: "redirect", url, status: response.status, message: `redirect loop via ${next}` });
    }
    if (hop >= maxRedirects) {
      throw new UpstreamError({ kind: "redirect", url, status: response.status, message: `more than ${maxRedirects} redirects` });
    }
    url = next;
  }
}

function buildRequestHeaders(options: FetchUpstreamOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "User-Agent": options.userAgent,
    Accept: options.accept ?? DEFAULT_ACCEPT,
  };
  if (options.validators?.etag) headers["If-None-Match"] = options.validators.etag;
  if (options.validators?.lastModified) headers["If-Modified-Since"] = options.validators.lastModified;
  return headers;
}

function resolveRedirect(location: string, base: string): string {
  try {
    return new URL(location, base).toString();
  } catch (error) {
    throw new UpstreamError({ kind: "redirect", url: base, message: `invalid redirect location ${location}`, cause: error });
  }
}

function rejectDeclaredOversize(response: Response, maxBytes: number, url: string): void {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discardBody(response);
    throw new UpstreamError({ kind: "too-large", url, status: 200, message: `Content-Length ${declared} exceeds ${maxBytes} bytes` });
  }
}

function readValidators(headers: Headers, fallback: UpstreamValidators | undefined): UpstreamValidators {
  const validators: UpstreamValidators = {};
  const etag = headers.get("etag") ?? fallback?.etag;
  const lastModified = headers.get("last-modified") ?? fallback?.lastModified;
  if (etag) validators.etag = etag;
  if (lastModified) validators.lastModified = lastModified;
  return validators;
}

/** An abort (timeout or caller) surfaces as the signal's reason; anything else is a network failure. */
function classifyFailure(error: unknown, signal: AbortSignal, url: string): unknown {
  if (signal.aborted) return signal.reason;
  if (error instanceof UpstreamError) return error;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const detail = error instanceof Error ? `${error.message}${cause}` : String(error);
  return new UpstreamError({ kind: "network", url, message: `network error: ${detail}`, cause: error });
}

function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
