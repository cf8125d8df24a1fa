import type { Metadata } from "next";
import { authorizePage } from "@/lib/server/auth/authorize";
import { API_TOKEN_SCOPES } from "@/lib/server/auth/manage-tokens";
import { listTokens } from "@/lib/server/auth/open-display";
import { TokenTable } from "@/components/admin/token-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

const field = "block w-full max-w-xl rounded border border-gray-400 px-2 py-1 dark:bg-gray-900";

export default async function ApiTokensPage() {
  await authorizePage("admin", "/admin/tokens");
  const tokens = await listTokens("api");
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-[120rem] space-y-6 px-4 py-6 focus:outline-none sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">API tokens</h1>
      <p className="max-w-3xl text-gray-700 dark:text-gray-300">For scripts and integrations: sent as Authorization: Bearer &lt;token&gt;, shown once, stored hashed.</p>
      <form action="/admin/tokens/create" method="post" className="space-y-3">
        <label className="block">
          Name <input name="name" required maxLength={100} className={field} />
        </label>
        <fieldset className="flex flex-wrap gap-4">
          <legend>Scopes</legend>
          {API_TOKEN_SCOPES.map((scope) => (
            <label key={scope}>
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "read-status"} /> {scope}
            </label>
          ))}
        </fieldset>
        <label className="block">
          Only these accounts (12-digit ids, blank: all) <input name="accounts" className={field} />
        </label>
        <label className="block">
          Expires after days (0: never) <input name="expiresInDays" type="number" min={0} max={3650} defaultValue={90} className={field} />
        </label>
        <button type="submit" className="rounded bg-gray-900 px-3 py-1 font-semibold text-white dark:bg-gray-100 dark:text-gray-900">
          Create API token
        </button>
      </form>
      <TokenTable tokens={tokens} back="/admin/tokens" showView={false} />
    </main>
  );
}
