import type { HealthStatus } from "@/lib/shared/health-status";
import { formatCount } from "@/lib/client/format-count";
import { StatusIcon } from "@/components/ui/status-icon";
import { STATUS_STYLES, describeStatus } from "@/components/ui/status-style";

const ORDER: HealthStatus[] = ["disrupted", "degraded", "unknown", "informational", "operational"];

/** `2 disrupted · 5 degraded · 1 unknown · 5,840 operational`, over the service-region pairs in view. */
export function StatusSummary({ counts, total }: { counts: Record<HealthStatus, number>; total: number }) {
  if (total === 0) return <p className="text-gray-700 dark:text-gray-300">No services in view.</p>;
  const shown = ORDER.filter((status) => counts[status] > 0);
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-base lg:text-lg">
      <span className="sr-only">Service-region pairs in view: </span>
      {shown.map((status, index) => (
        <span key={status} className="inline-flex items-center gap-1.5">
          {index > 0 && (
            <span aria-hidden="true" className="text-gray-400 dark:text-gray-500">
              ·
            </span>
          )}
          <StatusIcon status={status} className={`size-4 ${STATUS_STYLES[status].text}`} />
          <span className={status === "operational" ? "" : `font-bold ${STATUS_STYLES[status].text}`}>
            {formatCount(counts[status])} {describeStatus(status)}
          </span>
        </span>
      ))}
    </p>
  );
}
