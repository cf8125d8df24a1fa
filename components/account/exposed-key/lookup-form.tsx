"use client";

import { useId, useState, type FormEvent } from "react";
import { postExposedKeyAction } from "@/lib/client/account/fetch-exposed-key";

const WINDOWS = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "24 hours" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
  { hours: 720, label: "30 days" },
  { hours: 2160, label: "90 days (all CloudTrail keeps)" },
];

/** Starts a look-up over a chosen window; the event's region and us-east-1 are always read. */
export function LookupForm({ eventId, isRunning, onStarted }: { eventId: string; isRunning: boolean; onStarted: () => void }) {
  const id = useId();
  const [hours, setHours] = useState(24);
  const [extra, setExtra] = useState("");
  const [isAll, setIsAll] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSending(true);
    const regions = [...extra.split(/[\s,]+/).map((region) => region.trim().toLowerCase()).filter(Boolean), ...(isAll ? ["all"] : [])];
    const answer = await postExposedKeyAction(eventId, { action: "lookup", hours, regions });
    setIsSending(false);
    setMessage(answer.ok ? (answer.status === 202 ? "Look-up started." : "The same look-up ran minutes ago: showing it.") : `Not started: ${answer.message ?? `HTTP ${answer.status}`}`);
    if (answer.ok) onStarted();
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-wrap items-end gap-4" aria-describedby={`${id}-note`}>
      <label className="flex flex-col text-sm">
        Window
        <select value={hours} onChange={(event) => setHours(Number(event.target.value))} className="mt-1 rounded border border-gray-400 bg-white px-2 py-1 dark:bg-gray-900">
          {WINDOWS.map((window) => (
            <option key={window.hours} value={window.hours}>
              {window.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm">
        More regions (comma separated)
        <input value={extra} onChange={(event) => setExtra(event.target.value)} placeholder="eu-west-1, ap-southeast-2" className="mt-1 rounded border border-gray-400 bg-white px-2 py-1 dark:bg-gray-900" />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={isAll} onChange={(event) => setIsAll(event.target.checked)} />
        All enabled regions
      </label>
      <button type="submit" disabled={isSending || isRunning} className="rounded bg-blue-800 px-3 py-1.5 font-semibold text-white disabled:opacity-60 dark:bg-sky-700">
        {isRunning ? "Look-up running…" : "Look up what the key did"}
      </button>
      <p id={`${id}-note`} className="w-full text-sm text-gray-700 dark:text-gray-300">
        The event&apos;s region and us-east-1 are always read. CloudTrail allows 2 look-ups a second per region, so long windows take a while.
      </p>
      <p role="status" className="w-full text-sm">
        {message}
      </p>
    </form>
  );
}
