import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * Every in-app link. Healthdeck's pages are all rendered per request from live data, so Next's viewport prefetch
 * would render every linked page on the server on every page load (twice, with the segment cache), competing with
 * the page's own first work and multiplying server load by the links on screen; the click fetches what is current.
 */
export function AppLink(props: ComponentProps<typeof Link>) {
  return <Link prefetch={false} {...props} />;
}
