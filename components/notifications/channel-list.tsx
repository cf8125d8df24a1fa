import type { ChannelView } from "@/lib/server/services/get-notifications-view";
import { ChannelActions } from "@/components/notifications/channel-actions";
import { formatUtc } from "@/components/notifications/format-utc";

function ChannelHealth({ channel }: { channel: ChannelView }) {
  if (channel.broken) {
    return (
      <p className="rounded-md border-2 border-red-600 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50">
        <strong>Broken since {formatUtc(channel.broken.since)}</strong>: {channel.broken.reason}. The endpoint said it is gone (404/410): nothing is sent to this channel until its URL changes in the
        notifications file.
      </p>
    );
  }
  if (!channel.lastSuccessAt && !channel.lastErrorAt) return <p className="text-sm text-gray-700 dark:text-gray-300">Nothing sent yet.</p>;
  const isFailing = channel.lastErrorAt !== null && (channel.lastSuccessAt === null || channel.lastErrorAt > channel.lastSuccessAt);
  return <p className={`text-sm font-semibold ${isFailing ? "text-amber-800 dark:text-amber-300" : "text-emerald-800 dark:text-emerald-300"}`}>{isFailing ? "Last attempt failed" : "Working"}</p>;
}

/** Each channel with its health; a URL shows its host only (Slack and Teams URLs are credentials). */
export function ChannelList({ channels }: { channels: ChannelView[] }) {
  return (
    <ul className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
      {channels.map((channel) => (
        <li key={channel.id} id={`channel-${channel.id}`} className="space-y-2 rounded-md border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900">
          <h3 className="flex flex-wrap items-center gap-2 font-semibold">
            <span className="font-mono">{channel.id}</span>
            <span className="rounded bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-800 dark:bg-gray-800 dark:text-gray-200">{channel.type}</span>
            {channel.disabled ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100">disabled</span> : null}
            {channel.isSecurity ? <span className="rounded bg-purple-100 px-2 py-0.5 text-xs font-medium text-purple-900 dark:bg-purple-950 dark:text-purple-100">security events</span> : null}
          </h3>
          <ChannelHealth channel={channel} />
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            <dt className="text-gray-700 dark:text-gray-300">Sends to</dt>
            <dd className="break-all font-mono">{channel.target}</dd>
            <dt className="text-gray-700 dark:text-gray-300">Storms</dt>
            <dd>{channel.storm}</dd>
            <dt className="text-gray-700 dark:text-gray-300">Last success</dt>
            <dd>{formatUtc(channel.lastSuccessAt)}</dd>
            <dt className="text-gray-700 dark:text-gray-300">Last error</dt>
            <dd className="break-words">{channel.lastError ? `${formatUtc(channel.lastErrorAt)}: ${channel.lastError}` : "—"}</dd>
          </dl>
          <ChannelActions channel={channel} />
        </li>
      ))}
    </ul>
  );
}
