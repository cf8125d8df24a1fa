"use client";

import type { AccountEventsResponse } from "@/lib/shared/account-health-contract";
import { selectOpenSecurityEvents } from "@/lib/client/account/account-panels";
import { SecurityBannerView } from "@/components/account/security-banner-view";
import { useOpenAccountEvents } from "@/components/account/use-open-account-events";

/** Keeps the banner current without a reload: a new security event appears within one refresh (30 s). */
export function SecurityBannerLive({ initial }: { initial: AccountEventsResponse | null }) {
  const { data } = useOpenAccountEvents(initial ?? undefined);
  return <SecurityBannerView events={selectOpenSecurityEvents(data?.events ?? [])} />;
}
