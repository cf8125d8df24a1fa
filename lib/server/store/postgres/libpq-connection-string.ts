/**
 * `sslmode` as libpq (psql, every other PostgreSQL client) means it: `require` encrypts without checking the
 * certificate, `verify-ca` checks the chain, `verify-full` also the host name. node-postgres reads `require` and
 * `verify-ca` as `verify-full` unless the URL asks for libpq's meaning, so a URL copied from psql would refuse a
 * server it accepts. Asking for it here keeps the URL's meaning the one users know.
 */
export function withLibpqSslModes(connectionString: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return connectionString;
  }
  if (!url.searchParams.has("sslmode") || url.searchParams.has("uselibpqcompat")) return connectionString;
  url.searchParams.set("uselibpqcompat", "true");
  return url.toString();
}
