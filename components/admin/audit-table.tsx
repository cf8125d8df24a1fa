import type { AuditView } from "@/lib/server/auth/open-display";

/** The audit log, newest first; an empty log says so rather than showing bare headings. */
export function AuditTable({ entries }: { entries: readonly AuditView[] }) {
  if (entries.length === 0) {
    return <p className="text-gray-700 dark:text-gray-300">Nothing audited yet: sign-ins, tokens and admin actions will appear here.</p>;
  }
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr>
          <th className="py-1 pr-3">When (UTC)</th>
          <th className="py-1 pr-3">Who</th>
          <th className="py-1 pr-3">What</th>
          <th className="py-1 pr-3">Subject</th>
          <th className="py-1 pr-3">Detail</th>
          <th className="py-1 pr-3">From</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} data-audit-action={entry.action} className="border-t border-gray-200 dark:border-gray-800">
            <td className="py-1 pr-3">{new Date(entry.at).toISOString().replace("T", " ").slice(0, 19)}</td>
            <td className="py-1 pr-3">{entry.actor}</td>
            <td className="py-1 pr-3">{entry.action}</td>
            <td className="py-1 pr-3">{entry.subject}</td>
            <td className="py-1 pr-3">{entry.detail}</td>
            <td className="py-1 pr-3">{entry.address}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
