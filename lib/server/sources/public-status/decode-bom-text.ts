import { PublicStatusParseError } from "@/lib/server/sources/public-status/public-status-parse-error";

export type SniffedEncoding = "utf-8" | "utf-16be" | "utf-16le";

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;

function isJsonOpener(byte: number | undefined): boolean {
  return byte === OPEN_BRACKET || byte === OPEN_BRACE;
}

/** Picks the encoding from the BOM, or from a BOM-less UTF-16 JSON opener (`[`/`{` next to a 0x00 byte). */
export function sniffEncoding(bytes: Uint8Array): SniffedEncoding {
  const [first, second] = bytes;
  if (first === 0xfe && second === 0xff) return "utf-16be";
  if (first === 0xff && second === 0xfe) return "utf-16le";
  if (isJsonOpener(first) && second === 0x00) return "utf-16le";
  if (first === 0x00 && isJsonOpener(second)) return "utf-16be";
  return "utf-8";
}

/**
 * Decodes a feed body by sniffing its BOM (currentevents is UTF-16BE with `FE FF`; services.json
 * has been seen with UTF-16 and UTF-8 BOMs). The BOM is stripped. Invalid bytes throw instead of
 * turning into U+FFFD, so a corrupt body never parses into plausible-looking data.
 */
export function decodeBomText(bytes: Uint8Array): string {
  const encoding = sniffEncoding(bytes);
  try {
    // ignoreBOM: false (the default) makes TextDecoder drop a BOM that matches the encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    throw new PublicStatusParseError("bytes", `body is not valid ${encoding} (${bytes.length} bytes)`, { cause: error });
  }
}
