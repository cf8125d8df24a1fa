import type { AccountWorld, SimAccount } from "@/lib/simulator/account-world";
import { unsupportedLocale, type HealthErrorNames } from "@/lib/simulator/health-api/health-api-errors";
import { canonicalJson, type PageRequest, type Paginator } from "@/lib/simulator/health-api/pagination-token";
import type { RenderOptions, WireObject } from "@/lib/simulator/health-api/render-health-shapes";
import type { OrgViewControl } from "@/lib/simulator/health-api/org-view-control";

export interface OperationContext {
  world: AccountWorld;
  caller: SimAccount;
  paginator: Paginator;
  render: RenderOptions;
  names: HealthErrorNames;
  supportedLocales: readonly string[];
  defaultPageSize(operation: string): number;
  cache: QueryCache;
  org: OrgViewControl;
}

/** The response body; null for the operations AWS answers with an empty body. */
export type OperationResult = WireObject | null;
export type OperationHandler = (input: Record<string, unknown>, context: OperationContext) => OperationResult;

export function checkLocale(locale: string | undefined, context: OperationContext): void {
  if (locale !== undefined && !context.supportedLocales.includes(locale)) throw unsupportedLocale();
}

export function pageRequestFor(
  operation: string,
  input: Record<string, unknown> & { nextToken?: string; maxResults?: number },
  context: OperationContext,
): PageRequest {
  return {
    operation,
    caller: context.caller.id,
    input,
    nextToken: input.nextToken,
    maxResults: input.maxResults,
    defaultSize: context.defaultPageSize(operation),
  };
}

export function withNextToken(body: WireObject, nextToken: string | undefined): WireObject {
  if (nextToken !== undefined) body.nextToken = nextToken;
  return body;
}

export interface QueryCache {
  /** `compute()` once per key and account-world version (a benchmark pages 50,000 entities 100 at a time). */
  remember<T>(key: readonly unknown[], world: AccountWorld, compute: () => T): T;
}

export function createQueryCache(limit = 64): QueryCache {
  const entries = new Map<string, { world: AccountWorld; version: number; value: unknown }>();
  return {
    remember<T>(key: readonly unknown[], world: AccountWorld, compute: () => T): T {
      const id = canonicalJson(key);
      const hit = entries.get(id);
      if (hit && hit.world === world && hit.version === world.version) return readCached<T>(hit.value);
      const value = compute();
      entries.delete(id);
      entries.set(id, { world, version: world.version, value });
      if (entries.size > limit) entries.delete(entries.keys().next().value ?? id);
      return value;
    },
  };
}

/** Safe: each key is only ever stored by the same call site with the same `compute` type. */
function readCached<T>(value: unknown): T {
  return value as T;
}
