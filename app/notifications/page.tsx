import type { Metadata } from "next";
import { authorizePage } from "@/lib/server/auth/authorize";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { getNotificationsView, NOTIFICATIONS_PAGE_SIZE } from "@/lib/server/services/get-notifications-view";
import { parseDeliveriesQuery } from "@/lib/shared/notifications-contract";
import { readQueryParam } from "@/lib/shared/read-query-param";
import { ChannelList } from "@/components/notifications/channel-list";
import { DeliveryFilterForm } from "@/components/notifications/delivery-filter-form";
import { DeliveryLog } from "@/components/notifications/delivery-log";
import { TestResultPanel } from "@/components/notifications/test-result-panel";
import { findTestResult } from "@/lib/server/outputs/admin/test-results";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

type SearchParams = Record<string, string | string[] | undefined>;

const SECTION_TITLE = "text-lg font-semibold";
const NOTE = "max-w-4xl text-sm text-gray-700 dark:text-gray-300";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Admin only: the log quotes events of every account, and channels name where messages go.
  await authorizePage("admin", "/notifications");
  const params = await searchParams;
  const parsed = parseDeliveriesQuery({ ...params, limit: String(NOTIFICATIONS_PAGE_SIZE) });
  const runtime = getRuntime();
  const config = runtime.notifications?.config ?? null;
  const view = await getNotificationsView(runtime.store, config, parsed.ok ? parsed.value : { after: 0, limit: NOTIFICATIONS_PAGE_SIZE, channel: null, status: null, kind: null });
  const values = { channel: readQueryParam(params, "channel") ?? "", status: readQueryParam(params, "status") ?? "", kind: readQueryParam(params, "kind") ?? "" };
  const next = new URLSearchParams(Object.entries({ ...values, after: String(view.nextAfter ?? 0) }).filter(([, value]) => value !== ""));
  const testId = readQueryParam(params, "test");
  const testResult = findTestResult(testId);
  const filtered = values.channel !== "" || values.status !== "" || values.kind !== "";
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-[120rem] space-y-6 px-4 py-6 focus:outline-none sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Notifications</h1>
      {!view.isConfigured ? (
        <p className="max-w-4xl rounded-md border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900">
          Notifications are off. Set <code>HEALTHDECK_NOTIFY_CONFIG</code> to a file of channels and rules (see docs/notifications.md) to get a message in Slack or at a signed webhook
          when AWS changes for you.
        </p>
      ) : null}

      <section aria-labelledby="channels-title" className="space-y-3">
        <h2 id="channels-title" className={SECTION_TITLE}>
          Channels
        </h2>
        <p className={NOTE}>
          <strong>Send a test message</strong> sends a clearly labelled sample through the channel&apos;s own renderer and transport and shows the answer here (also{" "}
          <code className="font-mono">npm run notify:test -- &lt;channel&gt;</code> on the server). A <code>200</code> from Slack or a Teams Workflow means the request was accepted, not that the
          message rendered (a Teams card included) or that anyone saw it. <strong>Disable</strong> stops new messages to a channel until it is enabled again; both are written to the audit log.
        </p>
        {testResult ? (
          <TestResultPanel result={testResult} />
        ) : testId !== undefined ? (
          <p role="status" className={NOTE}>
            This test&apos;s answer is no longer here (another replica answered, or the process restarted); its outcome is in the audit log (<code>notify.test</code>).
          </p>
        ) : null}
        {view.channels.length > 0 ? <ChannelList channels={view.channels} /> : <p className={NOTE}>No channels.</p>}
      </section>

      <section aria-labelledby="rules-title" className="space-y-3">
        <h2 id="rules-title" className={SECTION_TITLE}>
          Rules
        </h2>
        {view.securityChannels.length > 0 ? (
          <p className={NOTE}>Security events (AWS_RISK_*) always go to {view.securityChannels.join(", ")}, first, never muted and never folded into a digest.</p>
        ) : null}
        {view.rules.length > 0 ? (
          <ol className="list-decimal space-y-1 pl-6 text-sm">
            {view.rules.map((rule, index) => (
              <li key={index}>{rule}</li>
            ))}
          </ol>
        ) : (
          <p className={NOTE}>No rules: nothing is sent but security events to security channels.</p>
        )}
      </section>

      <section aria-labelledby="log-title" className="space-y-3">
        <h2 id="log-title" className={SECTION_TITLE}>
          Delivery log
        </h2>
        <p className={NOTE}>
          Oldest first, {NOTIFICATIONS_PAGE_SIZE} a page. Open a delivery for its attempts, their response statuses and the payload as sent. <strong>folded</strong>: a storm put it into a
          digest instead of sending it alone.
        </p>
        <DeliveryFilterForm values={values} channels={view.channels.map((channel) => channel.id)} />
        {!parsed.ok ? (
          <div role="alert" className="rounded-md border-2 border-red-600 bg-red-50 px-4 py-3 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
            <p className="font-bold">This filter is not valid.</p>
            <p className="text-sm">{parsed.error}</p>
          </div>
        ) : view.deliveries.length === 0 ? (
          <p className="rounded-md border border-gray-200 bg-white p-6 text-center text-gray-700 dark:border-gray-800 dark:bg-gray-900 dark:text-gray-300">
            {filtered ? "No deliveries match this filter." : "Nothing sent yet."}
          </p>
        ) : (
          <DeliveryLog deliveries={view.deliveries} />
        )}
        {view.nextAfter !== null ? (
          <p>
            <a href={`/notifications?${next.toString()}`} className="font-semibold text-blue-800 underline dark:text-sky-300">
              Next page
            </a>
          </p>
        ) : null}
      </section>
    </main>
  );
}
