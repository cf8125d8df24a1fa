"use client";

import { useMemo } from "react";
import { fingerprintAccountEvents } from "@/lib/shared/fingerprint-account-events";
import { useOpenAccountEvents } from "@/components/account/use-open-account-events";
import { useServerRefresh } from "@/components/ui/use-server-refresh";

/**
 * Watches the open account events (fed by the page's live stream, else polled every 30 s) and asks the server to
 * render the page again when they differ from what it rendered: the banner and the board's panels are server
 * components, so their code never ships. Loaded after hydration; renders nothing.
 */
export function AccountRefresh({ renderedFingerprint }: { renderedFingerprint: string }) {
  // No request on mount: the server just rendered this data.
  const { data } = useOpenAccountEvents(undefined, { revalidateOnMount: false });
  const fingerprint = useMemo(() => (data === undefined ? renderedFingerprint : fingerprintAccountEvents(data)), [data, renderedFingerprint]);
  useServerRefresh(fingerprint === renderedFingerprint ? null : fingerprint);
  return null;
}
