import { createHash, createHmac, randomBytes } from "node:crypto";
import { invalidPaginationToken } from "@/lib/simulator/health-api/health-api-errors";

/**
 * Opaque tokens `base64url(offset.filterHash.issuedAt).mac`, within AWS's `[a-zA-Z0-9=/+_.-]{4,10000}`.
 * The MAC key is per listener, so a token from another listener (the other failover endpoint, a restarted
 * simulator) is foreign; a token replayed with another filter, operation or caller fails its hash.
 */

export interface PageRequest {
  operation: string;
  caller: string;
  /** The whole input; nextToken and maxResults are left out of the filter hash. */
  input: Record<string, unknown>;
  nextToken: string | undefined;
  maxResults: number | undefined;
  defaultSize: number;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface Paginator {
  page<T>(items: readonly T[], request: PageRequest): Page<T>;
  /** Just the decoded offset (for operations that page something other than a list they hold). */
  offsetOf(request: PageRequest): number;
  tokenFor(offset: number, request: PageRequest): string;
}

const TOKEN_PATTERN = /^[a-zA-Z0-9=/+_.-]{4,10000}$/;

export function createPaginator(options: { secret?: Buffer; now: () => number; ttlMs?: number | null }): Paginator {
  const secret = options.secret ?? randomBytes(32);
  const mac = (payload: string) => createHmac("sha256", secret).update(payload).digest("base64url").slice(0, 16);

  const tokenFor = (offset: number, request: PageRequest) => {
    const payload = Buffer.from(`${offset}.${hashRequest(request)}.${Math.floor(options.now() / 1000)}`).toString("base64url");
    return `${payload}.${mac(payload)}`;
  };

  const offsetOf = (request: PageRequest): number => {
    if (request.nextToken === undefined) return 0;
    if (!TOKEN_PATTERN.test(request.nextToken)) throw invalidPaginationToken();
    const [payload = "", signature = "", extra] = request.nextToken.split(".");
    if (extra !== undefined || signature !== mac(payload)) throw invalidPaginationToken();
    const [offsetText = "", hash = "", issuedText = ""] = Buffer.from(payload, "base64url").toString("utf8").split(".");
    const offset = Number(offsetText);
    if (!Number.isSafeInteger(offset) || offset < 0 || hash !== hashRequest(request)) throw invalidPaginationToken();
    const ttlMs = options.ttlMs ?? null;
    if (ttlMs !== null && options.now() - Number(issuedText) * 1000 > ttlMs) throw invalidPaginationToken();
    return offset;
  };

  return {
    offsetOf,
    tokenFor,
    page(items, request) {
      const offset = offsetOf(request);
      const size = request.maxResults ?? request.defaultSize;
      const end = offset + size;
      const page: Page<(typeof items)[number]> = { items: items.slice(offset, end) };
      if (end < items.length) page.nextToken = tokenFor(end, request);
      return page;
    },
  };
}

function hashRequest(request: PageRequest): string {
  const filter = { ...request.input };
  delete filter.nextToken;
  delete filter.maxResults;
  return createHash("sha256").update(`${request.operation}|${request.caller}|${canonicalJson(filter)}`).digest("base64url").slice(0, 12);
}

/** JSON with sorted keys, so `{a, b}` and `{b, a}` hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
