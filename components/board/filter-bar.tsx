"use client";

import type { HealthStatus } from "@/lib/shared/health-status";
import type { StatusFilter } from "@/lib/shared/status-filter";
import { StatusPicker } from "@/components/board/status-picker";
import { MultiSelect, type SelectOption } from "@/components/ui/multi-select";

const SERVICE_SLUG = /^[a-z0-9][a-z0-9._-]{0,80}$/;
const REGION_CODE = /^[a-z0-9-]{2,40}$/;

const acceptSlug = (pattern: RegExp) => (text: string) => {
  const value = text.trim().toLowerCase();
  return pattern.test(value) ? value : null;
};

interface FilterBarProps {
  filter: StatusFilter;
  query: string;
  regionOptions: readonly SelectOption[];
  serviceOptions: readonly SelectOption[];
  onFilterChange: (next: StatusFilter) => void;
  onQueryChange: (next: string) => void;
  onRegionPickerOpen: () => void;
  onServicePickerOpen: () => void;
  onClear: () => void;
  isPending: boolean;
}

export function FilterBar(props: FilterBarProps) {
  const { filter, query, onFilterChange, onQueryChange } = props;
  const active = filter.regions.length + filter.services.length + filter.statuses.length > 0 || query !== "";
  return (
    <form role="search" aria-label="Filter the board" onSubmit={(event) => event.preventDefault()} className="flex flex-col gap-2 lg:flex-row lg:flex-wrap lg:items-center">
      <div className="relative lg:w-72">
        <label htmlFor="service-search" className="sr-only">
          Search services by name
        </label>
        <input
          id="service-search"
          type="search"
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          placeholder="Search services, e.g. lambda"
          autoComplete="off"
          className="w-full rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm placeholder:text-gray-500 dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400"
        />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex">
        <MultiSelect
          label="Regions"
          options={props.regionOptions}
          selected={filter.regions}
          onChange={(regions) => onFilterChange({ ...filter, regions })}
          acceptTyped={acceptSlug(REGION_CODE)}
          onOpen={props.onRegionPickerOpen}
        />
        <MultiSelect
          label="Services"
          options={props.serviceOptions}
          selected={filter.services}
          onChange={(services) => onFilterChange({ ...filter, services })}
          acceptTyped={acceptSlug(SERVICE_SLUG)}
          onOpen={props.onServicePickerOpen}
        />
      </div>
      <StatusPicker selected={filter.statuses} onChange={(statuses: HealthStatus[]) => onFilterChange({ ...filter, statuses })} />
      {active && (
        <button
          type="button"
          onClick={props.onClear}
          className="self-start rounded-md px-3 py-1.5 text-sm font-semibold text-blue-800 underline hover:bg-gray-100 lg:self-auto dark:text-sky-300 dark:hover:bg-gray-800"
        >
          Clear all filters
        </button>
      )}
      <span aria-live="polite" className="text-sm text-gray-600 dark:text-gray-400">
        {props.isPending ? "Updating…" : ""}
      </span>
      {(filter.regions.length > 0 || filter.services.length > 0) && (
        <p className="w-full text-sm text-gray-700 dark:text-gray-300">
          Showing only{filter.regions.length > 0 && <> regions <b className="font-mono">{filter.regions.join(", ")}</b></>}
          {filter.regions.length > 0 && filter.services.length > 0 && " and"}
          {filter.services.length > 0 && <> services <b className="font-mono">{filter.services.join(", ")}</b></>}.
        </p>
      )}
    </form>
  );
}
