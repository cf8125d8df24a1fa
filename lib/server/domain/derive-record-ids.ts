import { createHash } from "node:crypto";
import type { AffectedEntityRecord } from "@/lib/server/domain/account-health-records";

/** Stable, URL-safe id of an (event ARN, account) pair: the same ARN is shared by many accounts. */
export function deriveAccountEventId(arn: string, accountId: string | null): string {
  return createHash("sha256").update(`${accountId ?? ""}|${arn}`).digest("base64url").slice(0, 22);
}

/**
 * Identity of a resource within an event. Keyed by account + value, never by entity ARN: EventBridge
 * never sends the ARN the Health API does, and the same resource from both must be one row.
 */
export function deriveEntityKey(entity: Pick<AffectedEntityRecord, "accountId" | "entityValue">): string {
  return `${entity.accountId ?? ""}|${entity.entityValue}`;
}
