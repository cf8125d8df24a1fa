import type { AccountEvent } from "@/lib/shared/account-health-contract";
import type { PublicEvent, ServiceStatus } from "@/lib/shared/public-status-contract";
import type { StreamChange, StreamSnapshot } from "@/lib/shared/stream-contract";
import { isSameServiceStatus } from "@/lib/shared/is-same-service-status";

const isSameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface KeyedDiff<T> {
  upserts: T[];
  removed: string[];
}

function diffKeyed<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string, isSame: (a: T, b: T) => boolean): KeyedDiff<T> {
  const previous = new Map(before.map((item) => [keyOf(item), item]));
  const upserts: T[] = [];
  for (const item of after) {
    const key = keyOf(item);
    const old = previous.get(key);
    previous.delete(key);
    if (old === undefined || !isSame(old, item)) upserts.push(item);
  }
  return { upserts, removed: [...previous.keys()] };
}

/**
 * What a client holding `prev` needs to arrive at `next`: upserts and removals of services, events and
 * account events, and whole source lists that changed. Null when the screen would not change.
 */
export function diffSnapshots(prev: StreamSnapshot, next: StreamSnapshot): StreamChange | null {
  const change: StreamChange = { version: next.version, generatedAt: next.status.generatedAt };
  let isChanged = false;

  if (!isSameJson(prev.status.sources, next.status.sources)) {
    change.sources = next.status.sources;
    isChanged = true;
  }
  const services = diffKeyed<ServiceStatus>(prev.status.services, next.status.services, (item) => item.key, isSameServiceStatus);
  if (services.upserts.length > 0) change.services = services.upserts;
  if (services.removed.length > 0) change.removedServiceKeys = services.removed;

  const events = diffKeyed<PublicEvent>(prev.status.events, next.status.events, (item) => item.id, isSameJson);
  if (events.upserts.length > 0) change.events = events.upserts;
  if (events.removed.length > 0) change.removedEventIds = events.removed;

  if (!isSameJson(prev.account.sources, next.account.sources)) {
    change.accountSources = next.account.sources;
    isChanged = true;
  }
  const account = diffKeyed<AccountEvent>(prev.account.events, next.account.events, (item) => item.id, isSameJson);
  if (account.upserts.length > 0) change.accountEvents = account.upserts;
  if (account.removed.length > 0) change.removedAccountEventIds = account.removed;

  isChanged ||=
    services.upserts.length + services.removed.length + events.upserts.length + events.removed.length + account.upserts.length + account.removed.length > 0;
  return isChanged ? change : null;
}
