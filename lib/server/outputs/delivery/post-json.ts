import { readLimitedBody } from "@/lib/server/http/read-limited-body";

/** What one HTTP attempt ended in; the dispatcher decides what it means (sent, retry, broken, failed). */
export interface SendOutcome {
  /** 2xx */
  ok: boolean;
  /** null when no answer came (network error, timeout) */
  status: number | null;
  /** from Retry-After (seconds or an HTTP date), null when absent */
  retryAfterMs: number | null;
  error: string | null;
  /** the start of the answer's body, for the log and `notify:test` */
  responseText: string;
}

export interface PostOptions {
  url: string;
  body: string;
  headers?: Record<string, string>;
  /** bounds the whole exchange: connection, headers and body */
  timeoutMs: number;
  maxResponseBytes: number;
  now?: () => number;
  fetchImpl?: typeof fetch;
}

export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === "") return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** POSTs JSON; never follows redirects (a 3xx is an answer, not a success) and never throws. */
export async function postJson(options: PostOptions): Promise<SendOutcome> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const now = options.now ?? Date.now;
  try {
    const response = await (options.fetchImpl ?? fetch)(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Healthdeck-Notifications/0.1", ...options.headers },
      body: options.body,
      redirect: "manual",
      signal,
    });
    let responseText = "";
    try {
      const bytes = await readLimitedBody(response.body, { url: options.url, maxBytes: options.maxResponseBytes, signal });
      responseText = new TextDecoder().decode(bytes).slice(0, 1000);
    } catch (error) {
      if (signal.aborted) throw error;
      responseText = "(answer too large; not read)";
    }
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      status: response.status,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now()),
      error: ok ? null : `HTTP ${response.status}${responseText ? `: ${responseText.slice(0, 200)}` : ""}`,
      responseText,
    };
  } catch (error) {
    const isTimeout = signal.aborted;
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return {
      ok: false,
      status: null,
      retryAfterMs: null,
      error: isTimeout ? `timed out after ${options.timeoutMs} ms` : `network error${cause || `: ${error instanceof Error ? error.message : String(error)}`}`,
      responseText: "",
    };
  }
}
