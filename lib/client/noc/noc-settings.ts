import type { LiveScope } from "@/lib/shared/live-scope";

/** Viewing distance preset: type is sized for 1–2 m (`near`), about 3 m (`room`) or about 5 m (`far`). */
export const NOC_DISTANCES = ["near", "room", "far"] as const;
export type NocDistance = (typeof NOC_DISTANCES)[number];

export const NOC_THEMES = ["dark", "light"] as const;
export type NocTheme = (typeof NOC_THEMES)[number];

/** `auto` follows the screen's aspect ratio; the others force a layout. */
export const NOC_LAYOUTS = ["auto", "portrait", "landscape"] as const;
export type NocLayout = (typeof NOC_LAYOUTS)[number];

export const DEFAULT_ROTATE_SECONDS = 15;
export const MIN_ROTATE_SECONDS = 5;
export const MAX_ROTATE_SECONDS = 3600;

/** One screen, entirely defined by its URL. */
export interface NocSettings {
  /** what the wall shows; also the scope of its stream */
  scope: LiveScope;
  rotateSeconds: number;
  theme: NocTheme;
  distance: NocDistance;
  layout: NocLayout;
  chime: boolean;
}
