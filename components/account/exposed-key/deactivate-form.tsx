"use client";

import { useId, useState, type FormEvent } from "react";
import { postExposedKeyAction } from "@/lib/client/account/fetch-exposed-key";

const RESULT_TEXT: Record<string, string> = {
  deactivated: "The key is now inactive. Next: rotate the user's credentials and answer the AWS support case.",
  "already-inactive": "The key was already inactive; nothing was changed.",
  failed: "The key could not be deactivated.",
};

/** The one guarded action: the admin types the key id's last 4 characters to confirm. */
export function DeactivateForm({ eventId, maskedKeyId, last4, onDone }: { eventId: string; maskedKeyId: string; last4: string; onDone: () => void }) {
  const id = useId();
  const [typed, setTyped] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const isConfirmed = typed.trim().toUpperCase() === last4.toUpperCase();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isConfirmed) return;
    setIsSending(true);
    const answer = await postExposedKeyAction(eventId, { action: "deactivate", confirm: typed.trim() });
    setIsSending(false);
    const action = typeof answer.body === "object" && answer.body !== null && "action" in answer.body ? (answer.body.action as { result?: string; reason?: string | null }) : null;
    const result = action?.result ?? "";
    setMessage(answer.ok ? (RESULT_TEXT[result] ?? result) : `${RESULT_TEXT.failed} ${action?.reason ?? answer.message ?? `HTTP ${answer.status}`}`);
    setTyped("");
    onDone();
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-2 rounded-md border-2 border-red-700 p-3 dark:border-red-400">
      <p className="text-sm">
        Deactivating sets the key to <strong>Inactive</strong> (iam:UpdateAccessKey): every call with it fails from then on. It can be switched back on in IAM; the key is not deleted and no policy is changed.
      </p>
      <label htmlFor={`${id}-confirm`} className="block text-sm font-semibold">
        Type the last 4 characters of {maskedKeyId} to confirm
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <input
          id={`${id}-confirm`}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={8}
          className="w-28 rounded border border-gray-400 bg-white px-2 py-1 font-mono dark:bg-gray-900"
        />
        <button type="submit" disabled={!isConfirmed || isSending} className="rounded bg-red-800 px-3 py-1.5 font-semibold text-white disabled:opacity-60">
          Deactivate key
        </button>
      </div>
      <p role="status" className="text-sm">
        {message}
      </p>
    </form>
  );
}
