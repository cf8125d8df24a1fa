import type { Metadata } from "next";
import { AppLink } from "@/components/ui/app-link";
import { parseAccountLogUrl } from "@/lib/client/account/account-log-url";
import { AccountLog } from "@/components/account/account-log";
import { loadAccountLog } from "@/components/account/load-account-pages";
import { authorizePage } from "@/lib/server/auth/authorize";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account event log" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AccountEventLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const principal = await authorizePage("read-account", "/account/events");
  const log = await loadAccountLog(parseAccountLogUrl(await searchParams).query, principal);
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-[120rem] space-y-5 px-4 py-6 focus:outline-none sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h1 className="text-2xl font-bold tracking-tight">Account event log</h1>
        <AppLink href="/account" className="font-semibold text-blue-800 underline dark:text-sky-300">
          Back to the account dashboard
        </AppLink>
      </div>
      <AccountLog initial={log.initial} initialKey={log.initialKey} truncatedAt={log.limit} renderedAt={log.renderedAt} />
    </main>
  );
}
