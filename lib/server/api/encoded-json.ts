import "server-only";
import { createHash } from "node:crypto";

/** A JSON document encoded once: its bytes and a strong ETag of exactly those bytes. */
export interface EncodedJson {
  body: Uint8Array;
  etag: string;
}

export function encodeJson(text: string): EncodedJson {
  const body = new TextEncoder().encode(text);
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"` };
}

/** Whether an If-None-Match header names `etag` (a list, or `*`); weak validators compare by their opaque tag. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}
