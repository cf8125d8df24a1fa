import type { LookupView } from "@/lib/shared/exposed-key-contract";
import { TimeStamp } from "@/components/ui/time-stamp";

const REGION_STATUS: Record<LookupView["regions"][number]["status"], string> = { complete: "read", capped: "stopped at the limit", failed: "not read" };

/** Each region's outcome, then the calls grouped: region, source, name, address, agent, count, first and last, errors. */
export function KeyTrailTable({ lookup }: { lookup: LookupView }) {
  return (
    <div className="space-y-3">
      <ul className="space-y-1 text-sm" aria-label="Regions looked up">
        {lookup.regions.map((region) => (
          <li key={region.region}>
            <span className="font-mono">{region.region}</span>: {REGION_STATUS[region.status]}, {region.events} event{region.events === 1 ? "" : "s"} in {region.pages} page{region.pages === 1 ? "" : "s"}
            {region.problem && <span> (why: {region.problem.reason})</span>}
          </li>
        ))}
      </ul>
      {lookup.cappedAt !== null && (
        <p role="note" className="font-semibold">
          Capped at {lookup.cappedAt} events: the key made more calls than this look-up reads. Narrow the window to see the rest.
        </p>
      )}
      {lookup.groups.length === 0 ? (
        <p>No calls by this key were found in the regions and window read.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full border-collapse text-left text-sm">
            <caption className="sr-only">Calls made with the exposed key, grouped</caption>
            <thead>
              <tr className="border-b border-gray-400">
                {["Region", "Event source", "Event name", "Source IP", "User agent", "Count", "First", "Last", "Errors"].map((name) => (
                  <th key={name} scope="col" className="px-2 py-1 font-semibold">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lookup.groups.map((group) => (
                <tr key={`${group.region}|${group.eventSource}|${group.eventName}|${group.sourceIp}|${group.userAgent}`} className="border-b border-gray-200 dark:border-gray-700">
                  <td className="px-2 py-1 font-mono">{group.region}</td>
                  <td className="px-2 py-1">{group.eventSource}</td>
                  <th scope="row" className="px-2 py-1 font-normal">
                    {group.eventName}
                  </th>
                  <td className="px-2 py-1 font-mono">{group.sourceIp}</td>
                  <td className="max-w-xs px-2 py-1 break-words">{group.userAgent}</td>
                  <td className="px-2 py-1 tabular-nums">{group.count}</td>
                  <td className="px-2 py-1">
                    <TimeStamp iso={group.firstAt} />
                  </td>
                  <td className="px-2 py-1">
                    <TimeStamp iso={group.lastAt} />
                  </td>
                  <td className="px-2 py-1">
                    {group.errorCount === 0
                      ? "none"
                      : `${group.errorCount}: ${Object.entries(group.errorCodes)
                          .map(([code, count]) => `${code} ×${count}`)
                          .join(", ")}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
