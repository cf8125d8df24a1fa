"use client";

import { useEffect } from "react";
import type { LiveScope } from "@/lib/shared/live-scope";
import type { LiveHealth } from "@/lib/client/live/live-health";
import { useLiveHealth } from "@/lib/client/live/use-live-health";

/**
 * The wall's live stream, reported up as it changes. Renders nothing; the wall loads it right after hydration, so
 * the stream's code (and zod, which checks every message) is not part of the wall's first load.
 */
export function WallStream({ scope, onChange }: { scope: LiveScope; onChange: (live: LiveHealth) => void }) {
  const live = useLiveHealth(scope);
  useEffect(() => onChange(live), [live, onChange]);
  return null;
}
