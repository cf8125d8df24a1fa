import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SecurityBanner } from "@/components/account/security-banner";
import { SiteHeader } from "@/components/shell/site-header";
import { SkipLink } from "@/components/shell/skip-link";
import { THEME_INIT_SCRIPT } from "@/lib/client/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Healthdeck — AWS status", template: "%s · Healthdeck" },
  description: "Self-hosted dashboard of AWS health: public status and your accounts' health.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f9fafb" },
    { media: "(prefers-color-scheme: dark)", color: "#030712" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request nonce: the Content-Security-Policy runs no inline script without it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The inline script sets the theme class before hydration, so React must not warn about it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce}>{THEME_INIT_SCRIPT}</script>
      </head>
      <body className="min-h-screen font-sans">
        <SkipLink />
        <SecurityBanner />
        <SiteHeader />
        {children}
      </body>
    </html>
  );
}
