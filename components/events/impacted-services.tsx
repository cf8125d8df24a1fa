import { rankStatus } from "@/lib/shared/health-status-order";
import type { ImpactedService } from "@/lib/shared/public-status-contract";
import { labelRegion } from "@/lib/client/aws-regions";
import { StatusBadge } from "@/components/ui/status-badge";
import { describeStatus } from "@/components/ui/status-style";
import { compareText } from "@/lib/shared/compare-services";

const VISIBLE_SERVICES = 8;

function ImpactedItem({ item }: { item: ImpactedService }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-0.5 py-1">
      <span className="min-w-0">
        <span className="font-medium">{item.name}</span>{" "}
        <span className="font-mono text-xs text-gray-600 dark:text-gray-400">{item.region === null ? `${item.service} · global` : item.key}</span>
      </span>
      <span className="flex items-center gap-2">
        <StatusBadge status={item.status} variant="plain" />
        {item.maxStatus !== item.status && <span className="text-xs text-gray-600 dark:text-gray-400">peak: {describeStatus(item.maxStatus)}</span>}
      </span>
    </li>
  );
}

/** Services a multi-service event affects, worst current status first. */
export function ImpactedServices({ services }: { services: readonly ImpactedService[] }) {
  const sorted = services.toSorted(
    (a, b) =>
      rankStatus(b.status) - rankStatus(a.status) ||
      rankStatus(b.maxStatus) - rankStatus(a.maxStatus) ||
      compareText(a.name, b.name),
  );
  const head = sorted.slice(0, VISIBLE_SERVICES);
  const rest = sorted.slice(VISIBLE_SERVICES);
  const regions = new Set(services.map((item) => item.region));
  return (
    <div>
      <h4 className="text-sm font-semibold">
        Affected services ({services.length}
        {regions.size === 1 ? ` in ${labelRegion(services[0]?.region ?? null)}` : ""})
      </h4>
      <ul className="divide-y divide-gray-100 text-sm dark:divide-gray-800">
        {head.map((item) => (
          <ImpactedItem key={item.key} item={item} />
        ))}
      </ul>
      {rest.length > 0 && (
        <details className="group">
          <summary className="py-1 text-sm font-semibold text-blue-800 dark:text-sky-300">
            <span className="group-open:hidden">Show all {sorted.length} affected services</span>
            <span className="hidden group-open:inline">Hide {rest.length} services</span>
          </summary>
          <ul className="divide-y divide-gray-100 text-sm dark:divide-gray-800">
            {rest.map((item) => (
              <ImpactedItem key={item.key} item={item} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
