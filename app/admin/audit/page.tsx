import type { Metadata } from "next";
import { authorizePage, getAuthContext } from "@/lib/server/auth/authorize";
import { describeOrgUnitScopes } from "@/lib/server/auth/describe-org-unit-scopes";
import { AuditTable } from "@/components/admin/audit-table";
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
      <AuditTable entries={entries} />
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
