import { readClientView } from "@/lib/server/edge/client-address";
import type { EdgeSettings } from "@/lib/server/edge/edge-settings";
import { buildContentSecurityPolicy, buildSecurityHeaders, createNonce } from "@/lib/server/edge/security-headers";

export type EdgeOutcome =
  | { kind: "refuse"; response: Response }
  | { kind: "pass"; requestHeaders: Headers; responseHeaders: Record<string, string> };

// Load balancers probe by address, not by name; the ingest keeps its own secret and EventBridge retries a 429 late.
const HOST_EXEMPT = new Set(["/api/v1/health"]);
const LIMIT_EXEMPT_PREFIXES = ["/api/v1/health", "/api/v1/ingest/"];

function refuse(status: number, message: string, headers: Record<string, string> = {}): EdgeOutcome {
  return {
    kind: "refuse",
    response: new Response(JSON.stringify({ error: message }), {
      status,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers },
    }),
  };
}

/**
 * Everything the proxy decides for one request: the Host allowlist (421), the per-client request limit (429), and
 * the security headers with a fresh nonce. The nonce travels to Next in the request's CSP header (Next reads it
 * there for its own scripts) and to the layout in `x-nonce`.
 */
export function applyEdge(request: { url: string; headers: Headers }, edge: EdgeSettings, nowMs: number): EdgeOutcome {
  const { pathname } = new URL(request.url);
  if (!HOST_EXEMPT.has(pathname)) {
    const verdict = edge.checkHost(request.headers.get("host"));
    if (verdict === "missing") return refuse(400, "a Host header is required");
    if (verdict === "refused") {
      return refuse(421, "this server does not answer to that host name; an operator can add it to HEALTHDECK_ALLOWED_HOSTS");
    }
  }
  const client = readClientView(request.headers, edge.isTrustedProxy);
  if (!LIMIT_EXEMPT_PREFIXES.some((prefix) => pathname.startsWith(prefix))) {
    const retryAfter = edge.limiter.take(client.address, nowMs);
    if (retryAfter !== null) {
      return refuse(429, `too many requests from this address; retry in ${retryAfter} s`, { "Retry-After": String(retryAfter) });
    }
  }
  const isHttps = edge.isPublicUrlHttps || client.isHttps;
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({ nonce, frameAncestors: edge.frameAncestors, formTargets: edge.formTargets, isHttps, isDevelopment: edge.isDevelopment });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  return {
    kind: "pass",
    requestHeaders,
    responseHeaders: { "Content-Security-Policy": policy, ...buildSecurityHeaders({ frameAncestors: edge.frameAncestors, isHttps }) },
  };
}
