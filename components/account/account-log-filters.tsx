"use client";

import type { AccountEvent } from "@/lib/shared/account-health-contract";
import { KNOWN_EVENT_CATEGORIES, KNOWN_EVENT_STATUSES } from "@/lib/shared/account-health-contract";
import { labelRegion } from "@/lib/client/aws-regions";
import { LOG_SORTS, type AccountLogState, type LogSort } from "@/lib/client/account/account-log-url";
import { labelCategory } from "@/lib/client/account/describe-event-type";
import { countBy } from "@/lib/client/account/filter-account-events";
import { lookUpEventStatus } from "@/components/account/account-status-style";
import { FilterChecklist, type ChecklistOption } from "@/components/account/filter-checklist";
import { useHydrated } from "@/components/ui/use-hydrated";

const SORT_LABELS: Record<LogSort, string> = {
  "updated-desc": "Last update, newest first",
  "updated-asc": "Last update, oldest first",
  "start-desc": "Start, latest first",
  "start-asc": "Start, soonest first",
};

const FIELD = "w-full rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-900";

interface AccountLogFiltersProps {
  state: AccountLogState;
  /** every event the log knows (unfiltered), for the choices and their counts */
  events: readonly AccountEvent[];
  onChange: (next: AccountLogState) => void;
  onQueryChange: (next: string) => void;
  onClear: () => void;
}

function optionsFrom(events: readonly AccountEvent[], read: (event: AccountEvent) => string | null, known: readonly string[], label: (value: string) => string): ChecklistOption[] {
  const counts = new Map(countBy(events, read));
  const values = [...new Set([...known, ...counts.keys()])];
  return values.map((value) => ({ value, label: label(value), count: counts.get(value) ?? 0 }));
}

/** The event log's filter: a GET form that works without JavaScript; with it, every change applies at once. */
export function AccountLogFilters({ state, events, onChange, onQueryChange, onClear }: AccountLogFiltersProps) {
  const hydrated = useHydrated();
  const same = (value: string) => value;
  const set = <K extends keyof AccountLogState>(key: K) => (value: AccountLogState[K]) => onChange({ ...state, [key]: value });
  return (
    <form method="get" action="/account/events" role="search" aria-label="Filter the event log" onSubmit={(event) => event.preventDefault()} className="space-y-3">
      <div className="flex flex-col gap-3 md:flex-row md:items-end">
        <div className="md:w-96">
          <label htmlFor="log-q" className="mb-1 block text-sm font-medium">
            Search
          </label>
          <input id="log-q" name="q" type="search" value={state.q} maxLength={200} onChange={(event) => onQueryChange(event.target.value)} placeholder="Text, event type, ARN or service" autoComplete="off" className={FIELD} />
        </div>
        <div className="grid grid-cols-2 gap-3 sm:flex">
          <div>
            <label htmlFor="log-from" className="mb-1 block text-sm font-medium">
              From (UTC)
            </label>
            <input id="log-from" name="from" type="date" value={state.from.slice(0, 10)} onChange={(event) => set("from")(event.target.value)} className={FIELD} />
          </div>
          <div>
            <label htmlFor="log-to" className="mb-1 block text-sm font-medium">
              To (UTC, inclusive)
            </label>
            <input id="log-to" name="to" type="date" value={state.to.slice(0, 10)} onChange={(event) => set("to")(event.target.value)} className={FIELD} />
          </div>
        </div>
        <div>
          <label htmlFor="log-sort" className="mb-1 block text-sm font-medium">
            Order
          </label>
          <select id="log-sort" name="sort" value={state.sort} onChange={(event) => set("sort")(LOG_SORTS.find((sort) => sort === event.target.value) ?? "updated-desc")} className={FIELD}>
            {LOG_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center">
        <FilterChecklist name="category" label="Category" options={optionsFrom(events, (event) => event.category, KNOWN_EVENT_CATEGORIES, labelCategory)} selected={state.categories} onChange={set("categories")} />
        <FilterChecklist name="status" label="Status" options={optionsFrom(events, (event) => event.status, KNOWN_EVENT_STATUSES, (status) => lookUpEventStatus(status).label)} selected={state.statuses} onChange={set("statuses")} />
        <FilterChecklist name="region" label="Region" options={optionsFrom(events, (event) => event.region, [], labelRegion)} selected={state.regions} onChange={set("regions")} />
        <FilterChecklist name="service" label="Service" options={optionsFrom(events, (event) => event.service, [], same)} selected={state.services} onChange={set("services")} />
        <FilterChecklist name="account" label="Account" options={optionsFrom(events, (event) => event.accountId, [], same)} selected={state.accounts} onChange={set("accounts")} monospace />
        <FilterChecklist name="type" label="Event type" options={optionsFrom(events, (event) => event.eventTypeCode, [], same)} selected={state.types} onChange={set("types")} monospace />
        <div className="col-span-2 flex gap-2">
          <button type="submit" className={`rounded-md bg-gray-900 px-4 py-1.5 text-sm font-semibold text-white hover:bg-gray-700 dark:bg-gray-100 dark:text-gray-950 dark:hover:bg-gray-300 ${hydrated ? "hidden" : ""}`}>
            Apply
          </button>
          <a
            href="/account/events"
            onClick={(event) => {
              event.preventDefault();
              onClear();
            }}
            className="rounded-md px-3 py-1.5 text-sm font-semibold text-blue-800 underline hover:bg-gray-100 dark:text-sky-300 dark:hover:bg-gray-800">
            Clear all
          </a>
        </div>
      </div>
      <ActiveFilters state={state} />
    </form>
  );
}

function ActiveFilters({ state }: { state: AccountLogState }) {
  const parts: [string, string][] = [
    ["category", state.categories.map(labelCategory).join(", ")],
    ["status", state.statuses.join(", ")],
    ["region", state.regions.join(", ")],
    ["service", state.services.join(", ")],
    ["account", state.accounts.join(", ")],
    ["event type", state.types.join(", ")],
    ["from", state.from],
    ["to", state.to],
  ];
  const active = parts.filter(([, value]) => value !== "");
  if (active.length === 0) return null;
  return (
    <p className="text-sm text-gray-700 dark:text-gray-300">
      Showing only{" "}
      {active.map(([name, value], index) => (
        <span key={name}>
          {index > 0 && " · "}
          {name} <b className="font-semibold text-gray-900 dark:text-gray-100">{value}</b>
        </span>
      ))}
      .
    </p>
  );
}
