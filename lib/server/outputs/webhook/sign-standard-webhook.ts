import { createHmac } from "node:crypto";

/**
 * Standard Webhooks v1 signatures of `{id}.{timestamp}.{body}`: `v1,<base64 HMAC-SHA256>` for each `whsec_` secret,
 * space-separated, so a receiver holding either the old or the new secret verifies during a rotation.
 */
export function signStandardWebhook(secrets: readonly string[], id: string, timestampSeconds: number, body: string): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
      return `v1,${createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
    })
    .join(" ");
}
