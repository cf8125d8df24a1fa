import type { Metadata } from "next";
import { authorizePage } from "@/lib/server/auth/authorize";
import { listTokens } from "@/lib/server/auth/open-display";
import { TokenTable } from "@/components/admin/token-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Displays" };

const field = "block w-full max-w-xl rounded border border-gray-400 px-2 py-1 dark:bg-gray-900";

export default async function DisplaysPage() {
  await authorizePage("admin", "/admin/displays");
  const tokens = await listTokens("display");
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-[120rem] space-y-6 px-4 py-6 focus:outline-none sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Displays</h1>
      <p className="max-w-3xl text-gray-700 dark:text-gray-300">
        Read-only links for wall screens nobody signs in on. Each is bound to one saved view: a /noc address and the accounts in it.
      </p>
      <form action="/admin/displays/create" method="post" className="space-y-3">
        <label className="block">
          Name <input name="name" required maxLength={100} className={field} />
        </label>
        <label className="block">
          View (a /noc address) <input name="viewPath" required defaultValue="/noc" className={field} />
        </label>
        <label className="block">
          Expires after days (0: never) <input name="expiresInDays" type="number" min={0} max={3650} defaultValue={0} className={field} />
        </label>
        <button type="submit" className="rounded bg-gray-900 px-3 py-1 font-semibold text-white dark:bg-gray-100 dark:text-gray-900">
          Create display link
        </button>
      </form>
      <TokenTable tokens={tokens} back="/admin/displays" showView />
    </main>
  );
}
