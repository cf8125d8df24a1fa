import type { NotificationChange } from "@/lib/server/outputs/notification-change";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** "Touches your accounts: 2 events, 14 resources" for a public event that touches them; null otherwise. */
export function describeAccountImpact(change: Pick<NotificationChange, "event">): string | null {
  const impact = "accountImpact" in change.event ? change.event.accountImpact : null;
  if (!impact || impact.events.length === 0) return null;
  return `Touches your accounts: ${plural(impact.events.length, "event")}, ${plural(impact.affectedResources, "resource")}`;
}
