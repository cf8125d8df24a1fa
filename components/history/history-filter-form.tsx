import { KNOWN_REGION_CODES, labelRegion } from "@/lib/client/aws-regions";

export interface HistoryFormValues {
  service: string;
  region: string;
  from: string;
  to: string;
}

const FIELD = "w-full rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-900";

/** A plain GET form: it works without JavaScript and keeps the query shareable. */
export function HistoryFilterForm({ values }: { values: HistoryFormValues }) {
  return (
    <form method="get" action="/history" role="search" aria-label="Filter history" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,14rem))_auto] lg:items-end">
      <div>
        <label htmlFor="history-service" className="mb-1 block text-sm font-medium">
          Service slug
        </label>
        <input id="history-service" name="service" defaultValue={values.service} placeholder="e.g. ec2" autoComplete="off" className={FIELD} />
      </div>
      <div>
        <label htmlFor="history-region" className="mb-1 block text-sm font-medium">
          Region
        </label>
        <input id="history-region" name="region" list="history-regions" defaultValue={values.region} placeholder="e.g. us-east-1 or global" autoComplete="off" className={FIELD} />
        <datalist id="history-regions">
          <option value="global">Global</option>
          {KNOWN_REGION_CODES.map((code) => (
            <option key={code} value={code}>
              {labelRegion(code)}
            </option>
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor="history-from" className="mb-1 block text-sm font-medium">
          From (UTC)
        </label>
        <input id="history-from" name="from" type="date" defaultValue={values.from} className={FIELD} />
      </div>
      <div>
        <label htmlFor="history-to" className="mb-1 block text-sm font-medium">
          To (UTC, inclusive)
        </label>
        <input id="history-to" name="to" type="date" defaultValue={values.to} className={FIELD} />
      </div>
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-gray-900 px-4 py-1.5 text-sm font-semibold text-white hover:bg-gray-700 dark:bg-gray-100 dark:text-gray-950 dark:hover:bg-gray-300">
          Apply
        </button>
        <a href="/history" className="rounded-md px-3 py-1.5 text-sm font-semibold text-blue-800 underline hover:bg-gray-100 dark:text-sky-300 dark:hover:bg-gray-800">
          Reset
        </a>
      </div>
    </form>
  );
}
