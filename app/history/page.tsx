import type { Metadata } from "next";
import { getPublicHistory } from "@/lib/server/services/get-public-history";
import { parseHistoryQuery, type HistoryQuery } from "@/lib/shared/history-query";
import { readQueryParam } from "@/lib/shared/read-query-param";
import { HistoryFilterForm, type HistoryFormValues } from "@/components/history/history-filter-form";
import { HistoryTable } from "@/components/history/history-table";
import { authorizePage } from "@/lib/server/auth/authorize";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "History" };

type SearchParams = Record<string, string | string[] | undefined>;

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function formValues(params: SearchParams): HistoryFormValues {
  const read = (name: string) => (readQueryParam(params, name) ?? "").trim();
  const date = (name: string) => (BARE_DATE.test(read(name).slice(0, 10)) ? read(name).slice(0, 10) : "");
  return { service: read("service"), region: read("region"), from: date("from"), to: date("to") };
}

/** A bare `to` date names a whole day, so the range ends at the end of it. */
function includeWholeEndDay(query: HistoryQuery, rawTo: string | undefined): HistoryQuery {
  if (query.to === null || rawTo === undefined || !BARE_DATE.test(rawTo.trim())) return query;
  return { ...query, to: new Date(Date.parse(query.to) + DAY_MS - 1).toISOString() };
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await authorizePage("read-status", "/history");
  const params = await searchParams;
  const parsed = parseHistoryQuery(params);
  const events = parsed.ok ? (await getPublicHistory(includeWholeEndDay(parsed.value, readQueryParam(params, "to")))).events : [];
  const filtered = parsed.ok && Object.values(parsed.value).some((value) => value !== null);
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-[120rem] space-y-5 px-4 py-6 focus:outline-none sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Event history</h1>
      <p className="max-w-3xl text-gray-700 dark:text-gray-300">
        Past AWS public events that Healthdeck recorded. AWS keeps no public archive, so this history starts when this Healthdeck began polling.
      </p>
      <HistoryFilterForm values={formValues(params)} />
      {!parsed.ok ? (
        <div role="alert" className="rounded-md border-2 border-red-600 bg-red-50 px-4 py-3 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
          <p className="font-bold">This history query is not valid.</p>
          <p className="text-sm">{parsed.error}</p>
        </div>
      ) : events.length === 0 ? (
        <p className="rounded-md border border-gray-200 bg-white p-6 text-center text-gray-700 dark:border-gray-800 dark:bg-gray-900 dark:text-gray-300">
          {filtered ? "No public events match these filters." : "No public events recorded yet."}
        </p>
      ) : (
        <>
          <p className="text-sm text-gray-700 dark:text-gray-300" aria-live="polite">
            {events.length} {events.length === 1 ? "event" : "events"}, newest first.
          </p>
          <HistoryTable events={events} />
        </>
      )}
    </main>
  );
}
