import type { Metadata } from "next";
import { authorizePage, getAuthContext } from "@/lib/server/auth/authorize";
import { describeOrgUnitScopes } from "@/lib/server/auth/describe-org-unit-scopes";
import { OrgUnitScopeTable } from "@/components/admin/org-unit-scope-table";
import { listAuditEntries } from "@/lib/server/auth/open-display";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await authorizePage("admin", "/admin/audit");
  const rawBefore = (await searchParams).before;
  const before = typeof rawBefore === "string" && /^\d{1,15}$/.test(rawBefore) ? Number(rawBefore) : null;
  const entries = await listAuditEntries(before, 200);
  const last = entries.at(-1);
  const orgUnits = await describeOrgUnitScopes(getAuthContext());
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-[120rem] space-y-6 px-4 py-6 focus:outline-none sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
      {orgUnits.length > 0 && <OrgUnitScopeTable units={orgUnits} />}
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
      {entries.length === 200 && last && (
        <p>
          <a href={`/admin/audit?before=${last.id}`} className="underline">
            Older entries
          </a>
        </p>
      )}
    </main>
  );
}
