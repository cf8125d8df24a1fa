import type { Metadata } from "next";
import { AppLink } from "@/components/ui/app-link";
import { notFound } from "next/navigation";
import { preload } from "react-dom";
import { describeEventType } from "@/lib/client/account/describe-event-type";
import { buildEntityPreloadUrl } from "@/lib/client/account/entity-links";
import { parseEntityFilterUrl } from "@/lib/client/account/entity-filter-url";
import { EventDetailLive } from "@/components/account/event-detail-live";
import { loadAccountEvent } from "@/components/account/load-account-pages";
import { authorizePage } from "@/lib/server/auth/authorize";
import { ExposedKeyPanel } from "@/components/account/exposed-key/exposed-key-panel";
import { getExposedKeyView } from "@/lib/server/services/respond-to-exposed-key";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;
type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = (await params).id;
  const loaded = await loadAccountEvent(id, await authorizePage("read-account", `/events/${encodeURIComponent(id)}`));
  return { title: loaded === null ? "Event not found" : describeEventType(loaded.event.eventTypeCode) };
}

export default async function AccountEventPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const id = (await params).id;
  // Outside the principal's accounts reads as unknown: the same 404 page, no existence leak.
  const principal = await authorizePage("read-account", `/events/${encodeURIComponent(id)}`);
  const loaded = await loadAccountEvent(id, principal);
  if (loaded === null) notFound();
  // The browser starts on the resource list while it still parses the page; the table's fetches then hit these.
  preload(buildEntityPreloadUrl(loaded.event.id), { as: "fetch", crossOrigin: "anonymous" });
  const initialFilter = parseEntityFilterUrl(await searchParams);
  const exposedKey = await getExposedKeyView(loaded.event.id);
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-[120rem] space-y-6 px-4 py-6 focus:outline-none sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap gap-x-2 text-gray-700 dark:text-gray-300">
          <li>
            <AppLink href="/account" className="font-semibold text-blue-800 underline dark:text-sky-300">
              Your accounts
            </AppLink>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <AppLink href="/account/events" className="font-semibold text-blue-800 underline dark:text-sky-300">
              Event log
            </AppLink>
          </li>
        </ol>
      </nav>
      {exposedKey !== null && <ExposedKeyPanel initial={exposedKey} canDeactivate={principal.grants.has("admin")} />}
      <EventDetailLive initial={loaded.event} renderedAt={loaded.renderedAt} initialFilter={initialFilter} />
    </main>
  );
}
