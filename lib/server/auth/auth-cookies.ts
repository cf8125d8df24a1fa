/** Cookie names; the `__Host-` prefix (Secure, path /, no domain) whenever the public URL is https. */
export function cookieName(base: "session" | "display" | "login", isSecure: boolean): string {
  return `${isSecure ? "__Host-" : ""}healthdeck-${base}`;
}

export function readCookie(headers: Headers, name: string): string | null {
  const header = headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return null;
}

export interface CookieOptions {
  isSecure: boolean;
  maxAgeSeconds: number;
}

/** HttpOnly, SameSite=Lax, Secure over https: the browser's script never reads these. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`];
  if (options.isSecure) parts.push("Secure");
  return parts.join("; ");
}

export function clearCookie(name: string, isSecure: boolean): string {
  return serializeCookie(name, "", { isSecure, maxAgeSeconds: 0 });
}
