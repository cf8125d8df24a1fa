import type { DeliveryDetail } from "@/lib/shared/notifications-contract";
import { formatPayload } from "@/lib/server/services/get-notifications-view";
import { formatUtc } from "@/components/notifications/format-utc";

const STATUS_STYLE: Record<string, string> = {
  sent: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  expired: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  folded: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  queued: "bg-gray-100 text-gray-900 dark:bg-gray-800 dark:text-gray-100",
};

function DeliveryItem({ detail }: { detail: DeliveryDetail }) {
  const { delivery, attempts } = detail;
  return (
    <li id={`delivery-${delivery.id}`} className="rounded-md border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
      <details>
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
          <span className="font-mono text-gray-700 dark:text-gray-300">#{delivery.id}</span>
          <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[delivery.status] ?? ""}`}>{delivery.status}</span>
          <span className="font-semibold">{delivery.kind}</span>
          <span className="font-mono">{delivery.channel}</span>
          {delivery.isSecurity ? <span className="text-xs font-semibold text-purple-900 dark:text-purple-200">security</span> : null}
          <span className="min-w-0 break-all text-gray-700 dark:text-gray-300">{delivery.eventId}</span>
          <span className="text-gray-700 dark:text-gray-300">{formatUtc(delivery.createdAt)}</span>
          <span className="text-gray-700 dark:text-gray-300">
            {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
          </span>
        </summary>
        <div className="space-y-3 border-t border-gray-200 px-4 py-3 text-sm dark:border-gray-800">
          {delivery.foldedInto !== null ? (
            <p>
              Not sent by itself: a storm folded it into <a href={`#delivery-${delivery.foldedInto}`} className="text-blue-800 underline dark:text-sky-300">digest #{delivery.foldedInto}</a>, which lists it.
            </p>
          ) : null}
          {detail.folded.length > 0 ? <p>This digest carried {detail.folded.length} messages: {detail.folded.map((id) => `#${id}`).join(", ")}.</p> : null}
          {delivery.lastError ? <p className="break-words">Last error: {delivery.lastError}</p> : null}
          {attempts.length === 0 ? (
            <p>No attempt yet.</p>
          ) : (
            // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Attempts of delivery ${delivery.id}`}>
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">Attempts of delivery {delivery.id}</caption>
                <thead>
                  <tr className="border-b border-gray-200 dark:border-gray-800">
                    <th scope="col" className="py-1 pr-4 font-semibold">Time</th>
                    <th scope="col" className="py-1 pr-4 font-semibold">Result</th>
                    <th scope="col" className="py-1 pr-4 font-semibold">Response status</th>
                    <th scope="col" className="py-1 pr-4 font-semibold">Took</th>
                    <th scope="col" className="py-1 pr-4 font-semibold">Error or answer</th>
                  </tr>
                </thead>
                <tbody>
                  {attempts.map((attempt, index) => (
                    <tr key={index} className="border-b border-gray-100 align-top dark:border-gray-800">
                      <td className="py-1 pr-4 whitespace-nowrap">{formatUtc(attempt.at)}</td>
                      <td className="py-1 pr-4">{attempt.outcome === "queued" ? "retry later" : attempt.outcome}</td>
                      <td className="py-1 pr-4">{attempt.responseStatus ?? "no answer"}</td>
                      <td className="py-1 pr-4 whitespace-nowrap">{attempt.durationMs === null ? "not sent" : `${attempt.durationMs} ms`}</td>
                      <td className="py-1 pr-4 break-all">{attempt.error ?? attempt.responseText ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div>
            <h4 className="font-semibold">Payload as rendered</h4>
            <pre tabIndex={0} aria-label={`Payload of delivery ${delivery.id}`} className="mt-1 max-h-96 overflow-auto rounded bg-gray-100 p-3 text-xs whitespace-pre-wrap break-all dark:bg-gray-950">{formatPayload(detail.payload)}</pre>
          </div>
        </div>
      </details>
    </li>
  );
}

/** The delivery log: each entry opens to its attempts, their response statuses and the payload, shown as text. */
export function DeliveryLog({ deliveries }: { deliveries: DeliveryDetail[] }) {
  return (
    <ol className="space-y-2">
      {deliveries.map((detail) => (
        <DeliveryItem key={detail.delivery.id} detail={detail} />
      ))}
    </ol>
  );
}
