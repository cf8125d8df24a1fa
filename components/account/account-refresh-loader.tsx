"use client";

import { lazy, Suspense } from "react";

const AccountRefresh = lazy(() => import("@/components/account/account-refresh").then((module) => ({ default: module.AccountRefresh })));

/** Keeps the server-rendered account parts of a page current; its code (and SWR's) loads after hydration. */
export function AccountRefreshLoader({ renderedFingerprint }: { renderedFingerprint: string }) {
  return (
    <Suspense fallback={null}>
      <AccountRefresh renderedFingerprint={renderedFingerprint} />
    </Suspense>
  );
}
