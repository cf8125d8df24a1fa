"use client";

import { lazy, Suspense, type ComponentProps } from "react";
import { useIdleAfterLoad } from "@/components/ui/use-idle-after-load";

const AccountStream = lazy(() => import("@/components/account/account-stream").then((module) => ({ default: module.AccountStream })));

/**
 * The page's live stream, opened at the first idle moment after load: the server has just rendered fresh data, and
 * the stream's code (with zod) and its snapshot must not compete with the page's own first work (a 50,000-row table).
 */
export function AccountStreamLoader(props: ComponentProps<typeof AccountStream>) {
  const isIdle = useIdleAfterLoad();
  if (!isIdle) return null;
  return (
    <Suspense fallback={null}>
      <AccountStream {...props} />
    </Suspense>
  );
}
