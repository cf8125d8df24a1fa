import type { Metadata } from "next";
import { AppLink } from "@/components/ui/app-link";
import { loadOpenAccountEvents } from "@/components/account/load-open-account-events";
import { AccountOverviewLive } from "@/components/account/account-overview-live";
import { authorizePage } from "@/lib/server/auth/authorize";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your accounts" };

export default async function AccountPage() {
  await authorizePage("read-account", "/account");
  const { initial, renderedAt } = await loadOpenAccountEvents();
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-[120rem] space-y-5 px-4 py-6 focus:outline-none sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h1 className="text-2xl font-bold tracking-tight">Your accounts</h1>
        <AppLink href="/account/events" className="font-semibold text-blue-800 underline dark:text-sky-300">
          Event log: every event, with filters
        </AppLink>
      </div>
      <p className="max-w-3xl text-gray-700 dark:text-gray-300">
        What AWS Health reports about your own accounts and resources: open issues, scheduled changes and other notifications, as on the AWS Personal Health Dashboard.
      </p>
      <AccountOverviewLive initial={initial} renderedAt={renderedAt} />
    </main>
  );
}
