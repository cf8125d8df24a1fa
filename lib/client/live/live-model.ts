import type { AccountEvent } from "@/lib/shared/account-health-contract";
import { compareServices } from "@/lib/shared/compare-services";
import type { PublicEvent, ServiceStatus, StatusResponse } from "@/lib/shared/public-status-contract";
import type { StreamChange, StreamSnapshot } from "@/lib/shared/stream-contract";

export type LiveAccount = StreamSnapshot["account"];

/** What a screen holds of one scope: replaced piece by piece, never appended to, so it stays the size of the screen. */
export interface LiveModel {
  version: number;
  status: StatusResponse;
  account: LiveAccount;
}

export function modelFromSnapshot(snapshot: StreamSnapshot): LiveModel {
  return { version: snapshot.version, status: snapshot.status, account: snapshot.account };
}

const accountTime = (event: AccountEvent) => Date.parse(event.lastUpdatedTime ?? event.startTime ?? "") || 0;

function mergeKeyed<T>(items: readonly T[], keyOf: (item: T) => string, upserts: readonly T[] | undefined, removed: readonly string[] | undefined): T[] {
  const gone = new Set(removed ?? []);
  const replacements = new Map((upserts ?? []).map((item) => [keyOf(item), item]));
  const merged: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (gone.has(key)) continue;
    const replacement = replacements.get(key);
    replacements.delete(key);
    merged.push(replacement ?? item);
  }
  // What is new comes first: the newest events are what a screen most needs to show.
  return [...replacements.values(), ...merged];
}

/** Applies one change; `status` and `account` keep their identity unless something in them changed. */
export function applyStreamChange(model: LiveModel, change: StreamChange): LiveModel {
  const touchesStatus =
    change.sources !== undefined ||
    change.services !== undefined ||
    change.removedServiceKeys !== undefined ||
    change.events !== undefined ||
    change.removedEventIds !== undefined;
  const touchesAccount = change.accountSources !== undefined || change.accountEvents !== undefined || change.removedAccountEventIds !== undefined;

  let status = model.status;
  if (touchesStatus) {
    const hasServiceChange = change.services !== undefined || change.removedServiceKeys !== undefined;
    status = {
      ...model.status,
      generatedAt: change.generatedAt,
      sources: change.sources ?? model.status.sources,
      services: hasServiceChange
        ? mergeKeyed<ServiceStatus>(model.status.services, (item) => item.key, change.services, change.removedServiceKeys).sort(compareServices)
        : model.status.services,
      events: mergeKeyed<PublicEvent>(model.status.events, (item) => item.id, change.events, change.removedEventIds),
    };
  }
  let account = model.account;
  if (touchesAccount) {
    account = {
      sources: change.accountSources ?? model.account.sources,
      events: mergeKeyed<AccountEvent>(model.account.events, (item) => item.id, change.accountEvents, change.removedAccountEventIds).sort(
        (a, b) => accountTime(b) - accountTime(a),
      ),
    };
  }
  return { version: change.version, status, account };
}
