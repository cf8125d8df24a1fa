export const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** `::ffff:10.0.0.1` (an IPv4 peer of a dual-stack socket) is 10.0.0.1; `[::1]` is ::1; IPv6 is compared lower-cased. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase().replace(/^\[|\]$/g, "");
  return trimmed.startsWith("::ffff:") && IPV4.test(trimmed.slice(7)) ? trimmed.slice(7) : trimmed;
}

/** 127.0.0.0/8, ::1 and the name localhost, in any of the spellings normaliseAddress accepts. */
export function isLoopbackAddress(address: string): boolean {
  const normalised = normaliseAddress(address);
  if (normalised === "localhost" || normalised === "::1") return true;
  const octets = IPV4.exec(normalised)?.slice(1).map(Number);
  return octets !== undefined && octets[0] === 127 && octets.every((octet) => octet <= 255);
}
