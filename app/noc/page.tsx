import type { Metadata } from "next";
import { liveScopeToStatusFilter } from "@/lib/shared/live-scope";
import { getRuntime } from "@/lib/server/runtime/get-runtime";
import { buildLiveAccount } from "@/lib/server/hub/build-scope-snapshot";
import { getPublicStatus } from "@/lib/server/services/get-public-status";
import { parseNocParams } from "@/lib/client/noc/parse-noc-params";
import { trimForWall } from "@/lib/client/noc/trim-for-wall";
import { NocConfigError } from "@/components/noc/noc-config-error";
import { NocScreen } from "@/components/noc/noc-screen";
import { authorizePage } from "@/lib/server/auth/authorize";
import { narrowAccounts, NO_ACCOUNT } from "@/lib/server/auth/scope-account-data";
import "./noc-theme.css";
import "./noc-layout.css";
import "./noc-rows.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Wall view",
  description: "AWS health for a wall screen: live, never scrolls, readable across the room.",
};

type SearchParams = Record<string, string | string[] | undefined>;

export default async function NocPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const principal = await authorizePage("read-status", "/noc");
  const parsed = parseNocParams(await searchParams);
  if (!parsed.ok) return <NocConfigError message={parsed.error} />;
  const settings = parsed.value;
  // The same narrowing as the stream's, so the first paint shows only the accounts this screen may see.
  const accountScope = { ...settings.scope, accounts: principal.grants.has("read-account") ? narrowAccounts(principal, settings.scope.accounts) : [NO_ACCOUNT] };
  const runtime = getRuntime();
  const now = runtime.now();
  // The same builders as the stream's snapshot, so the first live message never reshuffles the first paint.
  const [status, account] = await Promise.all([getPublicStatus(liveScopeToStatusFilter(settings.scope)), buildLiveAccount(runtime, accountScope, now)]);
  return <NocScreen settings={settings} initial={trimForWall(status, account)} serverNow={now} />;
}
