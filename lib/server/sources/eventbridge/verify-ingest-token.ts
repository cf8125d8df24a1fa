import { createHash, timingSafeEqual } from "node:crypto";

export const INGEST_TOKEN_HEADER = "x-healthdeck-token";

export type TokenCheck = "ok" | "missing" | "wrong";

/**
 * Accepts `Authorization: Bearer <token>` or `X-Healthdeck-Token: <token>` (what an EventBridge
 * connection with API-key auth sets). Hashing first gives equal lengths, so the comparison is
 * constant-time whatever was sent.
 */
export function verifyIngestToken(headers: Headers, expected: string): TokenCheck {
  const presented = readPresentedTokens(headers);
  if (presented.length === 0) return "missing";
  const expectedDigest = digest(expected);
  let isMatch = false;
  for (const token of presented) {
    if (timingSafeEqual(digest(token), expectedDigest)) isMatch = true;
  }
  return isMatch ? "ok" : "wrong";
}

function readPresentedTokens(headers: Headers): string[] {
  const tokens: string[] = [];
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (bearer) tokens.push(bearer);
  const custom = headers.get(INGEST_TOKEN_HEADER)?.trim();
  if (custom) tokens.push(custom);
  return tokens;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
