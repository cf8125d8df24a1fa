import { encodeUtf16BeWithBom, encodeUtf8WithBom } from "@/lib/simulator/encode-document-text";
import type { SimDocument } from "@/lib/simulator/simulated-documents";

/** Cut in the middle: truncated JSON for the JSON documents, unclosed XML for RSS; the encoding stays right. */
export function renderMalformedBody(document: SimDocument): Buffer {
  const half = document.text.slice(0, Math.floor(document.text.length / 2));
  if (document.target === "rss") return Buffer.from(`${half}<item><title><![CDATA[broken`, "utf8");
  if (document.target === "currentevents") return encodeUtf16BeWithBom(`${half},{"date":`);
  return encodeUtf8WithBom(`${half},{"service":`);
}

/**
 * Bytes that decode to garbage: the JSON documents are UTF-8 behind a UTF-16BE BOM (and labelled utf-16),
 * RSS is UTF-16LE without a BOM while its XML declaration says UTF-8.
 */
export function renderWrongEncodingBody(document: SimDocument): Buffer {
  if (document.target === "rss") return Buffer.from(document.text, "utf16le");
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(document.text, "utf8")]);
}

/** Padding after the real document with whitespace in the document's own encoding, up to `bytes`. */
export function renderHugeBodyChunk(document: SimDocument, size: number): Buffer {
  const space = document.target === "currentevents" ? Buffer.from([0x00, 0x20]) : Buffer.from([0x20]);
  return Buffer.alloc(size - (size % space.length), space);
}
