import type { LiveScope } from "@/lib/shared/live-scope";

const MAX_LISTED = 4;

function listOf(values: readonly string[], all: string): string {
  if (values.length === 0) return all;
  if (values.length <= MAX_LISTED) return values.join(", ");
  return `${values.slice(0, MAX_LISTED).join(", ")} +${values.length - MAX_LISTED}`;
}

/** One line a passer-by can read: what this screen covers. */
export function describeScope(scope: LiveScope): string {
  const parts = [listOf(scope.regions, "All regions"), listOf(scope.services, "all services")];
  if (scope.statuses.length > 0) parts.push(`only ${scope.statuses.join(", ")}`);
  if (scope.accounts.length > 0) parts.push(`accounts ${listOf(scope.accounts, "")}`);
  if (scope.categories.length > 0) parts.push(`${listOf(scope.categories, "")} events`);
  if (scope.mutedTypes.length > 0) parts.push(`${scope.mutedTypes.length} event type${scope.mutedTypes.length === 1 ? "" : "s"} muted`);
  return parts.join(" · ");
}
