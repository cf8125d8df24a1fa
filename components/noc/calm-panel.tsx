import type { HealthStatus } from "@/lib/shared/health-status";
import { formatCount } from "@/lib/client/account/describe-event-type";
import { StatusIcon } from "@/components/ui/status-icon";

interface CalmPanelProps {
  serviceCount: number;
  unknownServices: number;
  /** the status filter of the screen, when it has one */
  statuses: readonly HealthStatus[];
  isTrustworthy: boolean;
}

/** The services area when nothing in scope has a problem; never green while the data is in doubt. */
export function CalmPanel({ serviceCount, unknownServices, statuses, isTrustworthy }: CalmPanelProps) {
  if (!isTrustworthy || unknownServices > 0) {
    return (
      <section className="noc-calm" data-status="unknown" aria-labelledby="calm-title">
        <StatusIcon status="unknown" className="noc-calm-icon" />
        <h2 id="calm-title" className="noc-calm-title">
          Status unknown
        </h2>
        <p className="noc-calm-sub">
          {unknownServices > 0 ? `${formatCount(unknownServices)} services without fresh data` : "The data on this screen is not fresh"}
        </p>
      </section>
    );
  }
  const title =
    statuses.length > 0
      ? `No service in scope is ${statuses.join(" or ")}`
      : `All ${formatCount(serviceCount)} service${serviceCount === 1 ? "" : "s"} in scope operational`;
  return (
    <section className="noc-calm" data-status="operational" aria-labelledby="calm-title">
      <StatusIcon status="operational" className="noc-calm-icon" />
      <h2 id="calm-title" className="noc-calm-title">
        {title}
      </h2>
    </section>
  );
}
