import type { TestMessageResult } from "@/lib/server/outputs/admin/send-test-message";
import { formatUtc } from "@/components/notifications/format-utc";

/** The remote answer to a test message, as it came: status, SMTP reply, SNS MessageId or the error. */
export function TestResultPanel({ result }: { result: TestMessageResult }) {
  const tone = result.ok
    ? "border-emerald-600 bg-emerald-50 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-50"
    : "border-red-600 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50";
  return (
    <div role="status" data-test-result className={`max-w-4xl space-y-1 rounded-md border-2 px-4 py-3 ${tone}`}>
      <p className="font-bold">
        Test message to <span className="font-mono">{result.channelId}</span> ({result.channelType}) at {formatUtc(new Date(result.at).toISOString())}: {result.ok ? "sent" : "failed"}, {result.answered}
        {result.error ? ` (${result.error})` : ""}
      </p>
      {result.responseText ? (
        <p className="text-sm">
          Answer: <code className="break-all font-mono">{result.responseText}</code>
        </p>
      ) : null}
      {result.note ? <p className="text-sm">{result.note}</p> : null}
    </div>
  );
}
