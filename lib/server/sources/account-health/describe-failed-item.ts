import type { SdkFailedItem } from "@/lib/server/sources/account-health/health-sdk-schemas";

/** "AccessDenied for arn:…" style text for the source note; account ids are fine to show, nothing else is added. */
export function describeFailedItem(item: SdkFailedItem | undefined): string | null {
  if (!item) return null;
  const name = item.errorName ?? "failed";
  const account = item.awsAccountId ? ` (account ${item.awsAccountId})` : "";
  const message = item.errorMessage ? `: ${item.errorMessage}` : "";
  return `${name} for ${item.eventArn ?? "an event"}${account}${message}`.slice(0, 300);
}
