const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

export type HostVerdict = "ok" | "missing" | "refused";

/** `example.com:3000` → `example.com`; `[::1]:3000` → `[::1]`; lower-cased. */
export function readHostName(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith("[")) return trimmed.slice(0, trimmed.indexOf("]") + 1);
  return trimmed.replace(/:\d*$/, "").replace(/\.$/, "");
}

/**
 * Against DNS rebinding: a page of another site whose name was made to resolve to this server sends its own name in
 * Host, so only the names this server is known by are served. `allowed` empty: the loopback names and the public
 * URL's host; `*` turns the check off; `*.example.com` allows the subdomains of example.com.
 */
export function createHostCheck(allowed: readonly string[], publicUrl: string | undefined): (host: string | null) => HostVerdict {
  if (allowed.includes("*")) return (host) => (host === null || host.trim() === "" ? "missing" : "ok");
  const names = new Set(allowed.length > 0 ? allowed.filter((name) => !name.startsWith("*.")) : LOOPBACK_HOSTS);
  const suffixes = allowed.filter((name) => name.startsWith("*.")).map((name) => name.slice(1));
  if (publicUrl !== undefined) names.add(new URL(publicUrl).hostname.toLowerCase());
  return (host) => {
    if (host === null || host.trim() === "") return "missing";
    const name = readHostName(host);
    if (names.has(name) || suffixes.some((suffix) => name.endsWith(suffix) && name.length > suffix.length)) return "ok";
    return "refused";
  };
}
