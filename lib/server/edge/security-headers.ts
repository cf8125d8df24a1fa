export interface PolicyOptions {
  nonce: string;
  /** CSP frame-ancestors sources, e.g. ["'self'"] or ["https://portal.example.com"] */
  frameAncestors: readonly string[];
  /** origins forms may be sent or redirected to besides this one (the OIDC provider's logout) */
  formTargets?: readonly string[];
  isHttps: boolean;
  /** `next dev` evaluates code and opens a websocket for hot reload */
  isDevelopment: boolean;
}

/**
 * The Content-Security-Policy of one response. Scripts run only with this request's nonce (Next puts it on its own
 * scripts, the layout on the theme script) and what they load ('strict-dynamic'). Style attributes stay allowed:
 * React renders `style={…}` as attributes (column widths, virtual rows), and CSS cannot run code.
 */
export function buildContentSecurityPolicy(options: PolicyOptions): string {
  const scripts = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.isDevelopment ? ["'unsafe-eval'"] : [])];
  const directives = [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    `style-src-elem 'self' 'nonce-${options.nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.isDevelopment ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    // Browsers apply form-action to a form's redirects too: sign-out posts here and is redirected to the provider.
    `form-action ${["'self'", ...(options.formTargets ?? [])].join(" ")}`,
    `frame-ancestors ${options.frameAncestors.join(" ")}`,
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers every response of the proxy carries besides the policy. */
export function buildSecurityHeaders(options: { frameAncestors: readonly string[]; isHttps: boolean }): Record<string, string> {
  const isEmbeddable = options.frameAncestors.some((source) => source !== "'self'" && source !== "'none'");
  const headers: Record<string, string> = {
    "Cross-Origin-Opener-Policy": "same-origin",
    // A portal that embeds the wall may require CORP on what it frames (COEP); only then are pages cross-origin.
    "Cross-Origin-Resource-Policy": isEmbeddable ? "cross-origin" : "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
  // For browsers without frame-ancestors; with other origins allowed, X-Frame-Options could only refuse them.
  if (!isEmbeddable) headers["X-Frame-Options"] = options.frameAncestors.includes("'self'") ? "SAMEORIGIN" : "DENY";
  if (options.isHttps) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** 16 random bytes, base64: unguessable, fresh for every response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
