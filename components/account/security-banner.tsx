import { connection } from "next/server";
import { fingerprintAccountEvents } from "@/lib/shared/fingerprint-account-events";
import { selectOpenSecurityEvents } from "@/lib/client/account/account-panels";
import { AccountRefreshLoader } from "@/components/account/account-refresh-loader";
import { loadOpenAccountEvents } from "@/components/account/load-open-account-events";
import { SecurityBannerView } from "@/components/account/security-banner-view";
import { readPagePrincipal } from "@/lib/server/auth/authorize";

/**
 * For app/layout.tsx, first inside <body>: open security events of your accounts, on every page. Rendered on the
 * server; the page renders again when the open account events change (AccountRefreshLoader).
 */
export async function SecurityBanner() {
  await connection();
  if (!(await readPagePrincipal()).grants.has("read-account")) return null;
  const { initial } = await loadOpenAccountEvents();
  return (
    <>
      <SecurityBannerView events={selectOpenSecurityEvents(initial?.events ?? [])} />
      <AccountRefreshLoader renderedFingerprint={fingerprintAccountEvents(initial)} />
    </>
  );
}
