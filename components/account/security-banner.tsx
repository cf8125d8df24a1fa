import { connection } from "next/server";
import { loadOpenAccountEvents } from "@/components/account/load-open-account-events";
import { SecurityBannerLive } from "@/components/account/security-banner-live";

/** For app/layout.tsx, first inside <body>: open security events of your accounts, on every page. */
export async function SecurityBanner() {
  await connection();
  return <SecurityBannerLive initial={loadOpenAccountEvents().initial} />;
}
