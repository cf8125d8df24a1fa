import type { AccountMark, ServiceStatus } from "@/lib/shared/public-status-contract";
import { formatCount } from "@/lib/client/format-count";
import { formatUtc } from "@/lib/client/format-time";
import { StatusIcon } from "@/components/ui/status-icon";
import { STATUS_STYLES, describeStatus } from "@/components/ui/status-style";

/** `Amazon EC2 in us-east-1 (N. Virginia): degraded since 2026-08-18 11:48 UTC` */
export function describeCell(serviceName: string, regionLabel: string, entry: ServiceStatus): string {
  const since = entry.since === null ? "" : ` since ${formatUtc(entry.since)}`;
  return `${serviceName} in ${regionLabel}: ${describeStatus(entry.status)}${since}${describeAccountMark(entry.account)}`;
}

export function describeAccountMark(mark: AccountMark | null): string {
  if (mark === null) return "";
  const events = `${mark.openEvents} open event${mark.openEvents === 1 ? "" : "s"}`;
  const resources = mark.affectedResources > 0 ? `, ${formatCount(mark.affectedResources)} affected resources` : "";
  return `; your accounts: ${events}${resources}`;
}

/** Where your accounts have an open Health event: a marked corner plus words for screen readers. */
function AccountMarkBadge({ mark }: { mark: AccountMark }) {
  return (
    <span
      data-account-mark=""
      className="ml-1 inline-flex items-center rounded-sm bg-indigo-700 px-1 text-[0.65rem] font-bold text-white dark:bg-indigo-300 dark:text-indigo-950"
    >
      <span aria-hidden="true">◆{mark.openEvents}</span>
      <span className="sr-only">{describeAccountMark(mark)}</span>
    </span>
  );
}

interface GridCellProps {
  serviceName: string;
  regionLabel: string;
  entry: ServiceStatus | undefined;
}

export function GridCell({ serviceName, regionLabel, entry }: GridCellProps) {
  // The full grid has ~9,000 cells: the common two kinds are one element each, their mark drawn by CSS (globals.css).
  if (entry === undefined) {
    return (
      <td className="grid-cell-none">
        <span className="sr-only">not listed</span>
      </td>
    );
  }
  const style = STATUS_STYLES[entry.status];
  const description = describeCell(serviceName, regionLabel, entry);
  if (entry.status === "operational" && entry.account === null) {
    return (
      <td title={description} className="grid-cell-ok">
        {style.short}
      </td>
    );
  }
  return (
    <td title={description} className="px-1 py-1 text-center">
      <span className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-bold whitespace-nowrap ${style.text} ${style.tint}`}>
        <StatusIcon status={entry.status} className="size-3.5" />
        {style.short}
      </span>
      {entry.since !== null && <span className="sr-only"> since {formatUtc(entry.since)}</span>}
      {entry.account !== null && <AccountMarkBadge mark={entry.account} />}
    </td>
  );
}
