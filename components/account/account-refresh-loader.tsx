"use client";

import { lazy, Suspense } from "react";
import { useIdleAfterLoad } from "@/components/ui/use-idle-after-load";

const AccountRefresh = lazy(() => import("@/components/account/account-refresh").then((module) => ({ default: module.AccountRefresh })));

/**
 * Keeps the server-rendered account parts of a page current. The server has just rendered them, so its code (and
 * SWR's) waits for the first idle moment after load: it never competes with hydration on a slow phone.
 */
export function AccountRefreshLoader({ renderedFingerprint }: { renderedFingerprint: string }) {
  const isIdle = useIdleAfterLoad();
  if (!isIdle) return null;
  return (
    <Suspense fallback={null}>
      <AccountRefresh renderedFingerprint={renderedFingerprint} />
    </Suspense>
  );
}
