import { DELIVERY_KIND_VALUES, DELIVERY_STATUS_VALUES } from "@/lib/shared/notifications-contract";

export interface DeliveryFilterValues {
  channel: string;
  status: string;
  kind: string;
}

const FIELD = "w-full rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-900";

/** A plain GET form: works without JavaScript and keeps the filter shareable. */
export function DeliveryFilterForm({ values, channels }: { values: DeliveryFilterValues; channels: string[] }) {
  const select = (id: string, label: string, name: keyof DeliveryFilterValues, options: readonly string[]) => (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={values[name]} className={FIELD}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action="/notifications" role="search" aria-label="Filter the delivery log" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(3,minmax(0,12rem))_auto] lg:items-end">
      {select("delivery-channel", "Channel", "channel", channels)}
      {select("delivery-status", "Status", "status", DELIVERY_STATUS_VALUES)}
      {select("delivery-kind", "Kind", "kind", DELIVERY_KIND_VALUES)}
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-gray-900 px-4 py-1.5 text-sm font-semibold text-white hover:bg-gray-700 dark:bg-gray-100 dark:text-gray-950 dark:hover:bg-gray-300">
          Apply
        </button>
        <a href="/notifications" className="rounded-md px-3 py-1.5 text-sm font-semibold text-blue-800 underline hover:bg-gray-100 dark:text-sky-300 dark:hover:bg-gray-800">
          Reset
        </a>
      </div>
    </form>
  );
}
