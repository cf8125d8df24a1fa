import type { OrgUnitScopeView } from "@/lib/server/auth/describe-org-unit-scopes";

const formatTime = (ms: number | null) => (ms === null ? "never" : new Date(ms).toISOString().replace("T", " ").slice(0, 19) + " UTC");

function describeGrant(unit: OrgUnitScopeView): string {
  if (unit.accounts !== null) return `${unit.accounts.length} account${unit.accounts.length === 1 ? "" : "s"}: ${unit.accounts.join(", ")}`;
  if (unit.resolvedAt === null) return "nothing: its accounts have never been read";
  return "nothing: its accounts were last read too long ago";
}

/** The roots and OUs that account groups name: what each grants now, and the last refresh's error (upstream text, shown as text). */
export function OrgUnitScopeTable({ units }: { units: readonly OrgUnitScopeView[] }) {
  return (
    <section aria-labelledby="org-unit-scopes" className="space-y-2">
      <h2 id="org-unit-scopes" className="text-lg font-semibold">
        Account groups by organization unit
      </h2>
      <table className="w-full text-left text-sm">
        <thead>
          <tr>
            <th className="py-1 pr-3">Unit</th>
            <th className="py-1 pr-3">Groups</th>
            <th className="py-1 pr-3">Grants</th>
            <th className="py-1 pr-3">Last read</th>
            <th className="py-1 pr-3">Last refresh</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.unitId} data-org-unit={unit.unitId} className="border-t border-gray-200 dark:border-gray-800">
              <td className="py-1 pr-3 font-mono">{unit.unitId}</td>
              <td className="py-1 pr-3">{unit.groups.join(", ")}</td>
              <td className={unit.accounts === null ? "py-1 pr-3 font-semibold text-red-800 dark:text-red-300" : "py-1 pr-3"}>{describeGrant(unit)}</td>
              <td className="py-1 pr-3">{formatTime(unit.resolvedAt)}</td>
              <td className="py-1 pr-3">
                {formatTime(unit.checkedAt)}
                {unit.error ? `: failed, ${unit.error}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
