import type { ScenarioAccount } from "@/lib/simulator/account-scenario-schema";
import { createAccountWorld, type AccountWorld } from "@/lib/simulator/account-world";
import type { Level } from "@/lib/simulator/scenario-schema";

/** The fake world the simulator serves. Times are epoch seconds unless named `...Ms`. */

export interface EventLogEntry {
  summary: string;
  message: string;
  status: Level;
  timestamp: number;
}

export interface ImpactedServiceState {
  serviceName: string;
  current: Level;
  max: Level;
}

export interface StatusChange {
  service: string;
  serviceName: string;
  previous: Level;
  current: Level;
  timestampMs: number;
}

export interface SimEvent {
  id: string;
  arn: string;
  key: string;
  region: string;
  regionName: string;
  serviceName: string;
  summary: string;
  level: Level;
  date: number;
  endTime: number | null;
  log: EventLogEntry[];
  /** null for single-service events, which carry no impacted_services. */
  impacted: Map<string, ImpactedServiceState> | null;
  changes: StatusChange[];
  expired: boolean;
}

/** One update as published to RSS; identical to its event_log entry. */
export interface PublishedUpdate {
  key: string;
  epoch: number;
  level: Level;
  summary: string;
  message: string;
}

export interface FeedInfo {
  serviceName: string;
  /** null for global services: the feed title has no "(Region)". */
  regionLabel: string | null;
}

export const ALL_FEED_LIMIT = 50;
export const KEY_FEED_LIMIT = 15;

export interface WorldState {
  scenarioName: string;
  startedAt: number;
  /** Events in the order they opened (currentevents lists the oldest first). */
  events: SimEvent[];
  /** Newest first, at most ALL_FEED_LIMIT. */
  allFeed: PublishedUpdate[];
  /** Per key, newest first, at most KEY_FEED_LIMIT. */
  keyFeeds: Map<string, PublishedUpdate[]>;
  lastEpochByKey: Map<string, number>;
  /** Feeds of keys that are not in the catalogue but have had events. */
  extraFeeds: Map<string, FeedInfo>;
  /** Bumped on every change, so rendered documents know when to re-render. */
  version: number;
  /** The account side (fake Health API); has its own version so public documents keep their ETags. */
  account: AccountWorld;
}

export function createWorldState(scenarioName: string, startedAt: number, accounts?: readonly ScenarioAccount[]): WorldState {
  return {
    account: createAccountWorld(accounts),
    scenarioName,
    startedAt,
    events: [],
    allFeed: [],
    keyFeeds: new Map(),
    lastEpochByKey: new Map(),
    extraFeeds: new Map(),
    version: 0,
  };
}

/**
 * Appends an update to the event log and both feeds. The guid is `<key>_<epoch>`, so two updates of one key
 * in the same second would collide: the later one moves to the next free second.
 */
export function publishUpdate(world: WorldState, event: SimEvent, entry: Omit<EventLogEntry, "timestamp">, at: number): number {
  const previous = world.lastEpochByKey.get(event.key);
  const epoch = previous !== undefined && at <= previous ? previous + 1 : at;
  world.lastEpochByKey.set(event.key, epoch);
  event.log.push({ ...entry, timestamp: epoch });
  const update: PublishedUpdate = { key: event.key, epoch, level: entry.status, summary: entry.summary, message: entry.message };
  world.allFeed = insertNewestFirst(world.allFeed, update, ALL_FEED_LIMIT);
  world.keyFeeds.set(event.key, insertNewestFirst(world.keyFeeds.get(event.key) ?? [], update, KEY_FEED_LIMIT));
  return epoch;
}

function insertNewestFirst(feed: PublishedUpdate[], update: PublishedUpdate, limit: number): PublishedUpdate[] {
  const index = feed.findIndex((item) => item.epoch <= update.epoch);
  const next = index === -1 ? [...feed, update] : [...feed.slice(0, index), update, ...feed.slice(index)];
  return next.slice(0, limit);
}
