import { createHash, hkdfSync } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

/**
 * Sealed cookie values: a JWE (dir, A256GCM) under a key derived from each HEALTHDECK_SESSION_SECRET. The first
 * secret seals; every listed secret opens, so a new secret put first rotates keys without signing anyone out.
 * `purpose` is sealed in, so a value sealed as one cookie never opens as another.
 */
export interface CookieSealer {
  seal(purpose: string, payload: JWTPayload, expiresAtSeconds: number): Promise<string>;
  open(purpose: string, value: string): Promise<JWTPayload | null>;
}

interface DerivedKey {
  kid: string;
  key: Uint8Array;
}

function deriveKey(secret: string): DerivedKey {
  const key = new Uint8Array(hkdfSync("sha256", secret, "healthdeck-cookie-salt", "healthdeck sealed cookie v1", 32));
  const kid = createHash("sha256").update(key).digest("base64url").slice(0, 12);
  return { kid, key };
}

/** `now` (epoch ms) is the clock expiry is judged by: the runtime's, so an injected test clock holds here too. */
export function createCookieSealer(secrets: readonly string[], now: () => number = Date.now): CookieSealer {
  if (secrets.length === 0) throw new Error("a cookie sealer needs at least one secret");
  const keys = secrets.map(deriveKey);
  const sealing = keys[0]!;
  return {
    seal(purpose, payload, expiresAtSeconds) {
      return new EncryptJWT({ ...payload, purpose })
        .setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: sealing.kid })
        .setIssuedAt(Math.floor(now() / 1000))
        .setExpirationTime(expiresAtSeconds)
        .encrypt(sealing.key);
    },
    async open(purpose, value) {
      if (value.length === 0 || value.length > 8192) return null;
      for (const candidate of keys) {
        try {
          const { payload, protectedHeader } = await jwtDecrypt(value, candidate.key, { keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"], currentDate: new Date(now()) });
          if (protectedHeader.kid !== candidate.kid || payload.purpose !== purpose) return null;
          return payload;
        } catch {
          // another key, a tampered or expired value: try the next key, then give up
        }
      }
      return null;
    },
  };
}
