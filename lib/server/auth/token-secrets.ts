import { createHash, randomBytes } from "node:crypto";
import type { AuthTokenKind } from "@/lib/server/store/contract/auth-contract";

const PREFIX: Record<AuthTokenKind, string> = { display: "hdd_", api: "hda_" };

/** A new secret: shown once to the admin who creates it; only its hash is stored. */
export function generateTokenSecret(kind: AuthTokenKind): string {
  return `${PREFIX[kind]}${randomBytes(32).toString("base64url")}`;
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function looksLikeTokenSecret(value: string, kind: AuthTokenKind): boolean {
  return value.startsWith(PREFIX[kind]) && /^[A-Za-z0-9_-]{40,80}$/.test(value);
}
