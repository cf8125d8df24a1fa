/**
 * Whether a state-changing browser request came from Healthdeck's own page. A form or fetch from another site can
 * carry a session (and on loopback with `none`, it needs none), so every admin-only POST asks this first.
 *
 * Accepted: `Sec-Fetch-Site: same-origin`, or an `Origin` whose host is the request's `Host`, its `X-Forwarded-Host`
 * or the public URL's. A missing or `null` Origin without Fetch Metadata is refused: nothing says where it came from.
 */
export type SameOriginVerdict = { ok: true } | { ok: false; origin: string | null; hosts: string[] };

export function checkSameOrigin(headers: Headers, publicUrl: string | undefined): SameOriginVerdict {
  // Under `Referrer-Policy: no-referrer` a browser sends `Origin: null` even from our own page; Fetch Metadata still says where it came from.
  if (headers.get("sec-fetch-site") === "same-origin") return { ok: true };
  const hosts = [headers.get("host"), headers.get("x-forwarded-host"), publicUrl && URL.canParse(publicUrl) ? new URL(publicUrl).host : null].filter(
    (host): host is string => host !== null && host !== "",
  );
  const origin = headers.get("origin");
  if (origin === null || origin === "null" || !URL.canParse(origin)) return { ok: false, origin: null, hosts };
  const originHost = new URL(origin).host;
  return hosts.includes(originHost) ? { ok: true } : { ok: false, origin: originHost, hosts };
}

export function isSameOrigin(headers: Headers, publicUrl: string | undefined): boolean {
  return checkSameOrigin(headers, publicUrl).ok;
}
