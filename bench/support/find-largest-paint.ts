import { z } from "zod";
import type { CleanupStack } from "@/bench/support/cleanup-stack";
import { printFigure } from "@/bench/support/format-figures";
import { launchBenchChromium } from "@/bench/noc-browser";

/** Lighthouse's mobile preset: a Moto G Power sized screen and a 4× slower CPU (network left at loopback speed). */
const MOBILE = { width: 412, height: 823, deviceScaleFactor: 1.75, cpuSlowdown: 4 } as const;
const SETTLE_MS = 4000;

const candidateSchema = z.object({ at: z.number(), size: z.number(), element: z.string(), connected: z.boolean() });
const observedSchema = z.object({
  fcp: z.number().nullable(),
  candidates: z.array(candidateSchema),
});

// Runs before any page script: records every LCP candidate and the element it named.
const OBSERVE_SCRIPT = `
  window.__lcp = { candidates: [], fcp: null, nodes: [] };
  const describe = (node) => {
    if (!node) return "(removed)";
    const id = node.id ? "#" + node.id : "";
    const cls = typeof node.className === "string" && node.className ? "." + node.className.trim().split(/\\s+/).slice(0, 3).join(".") : "";
    const text = (node.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60);
    return node.tagName.toLowerCase() + id + cls + ' "' + text + '"';
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__lcp.nodes.push(entry.element);
      window.__lcp.candidates.push({ at: entry.startTime, size: entry.size, element: describe(entry.element), connected: false });
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") window.__lcp.fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
`;
const READ_SCRIPT = `(() => {
  window.__lcp.candidates.forEach((candidate, index) => { candidate.connected = Boolean(window.__lcp.nodes[index] && window.__lcp.nodes[index].isConnected); });
  return { fcp: window.__lcp.fcp, candidates: window.__lcp.candidates };
})()`;

/**
 * Loads each page in Chromium at a phone's size with a 4× CPU slowdown and prints every largest-contentful-paint
 * candidate: what the largest element is, when it painted, and whether it is still the same DOM node afterwards
 * (a node that hydration replaced reports connected=false).
 */
export async function printLargestPaint(cleanup: CleanupStack, name: string, pages: readonly { label: string; url: string }[]): Promise<void> {
  const browser = await launchBenchChromium(cleanup);
  for (const { label, url } of pages) {
    const context = await browser.newContext({ viewport: { width: MOBILE.width, height: MOBILE.height }, deviceScaleFactor: MOBILE.deviceScaleFactor, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const session = await context.newCDPSession(page);
      await session.send("Emulation.setCPUThrottlingRate", { rate: MOBILE.cpuSlowdown });
      await page.addInitScript(OBSERVE_SCRIPT);
      await page.goto(url, { waitUntil: "load" });
      await page.waitForTimeout(SETTLE_MS);
      const observed = observedSchema.parse(await page.evaluate(READ_SCRIPT));
      const last = observed.candidates.at(-1);
      printFigure(`${name}.largest-paint.${label}`, {
        fcp: observed.fcp === null ? "n/a" : `${Math.round(observed.fcp)}ms`,
        lcp: last ? `${Math.round(last.at)}ms` : "n/a",
        size: last?.size ?? 0,
        stillInDom: last?.connected ?? false,
        element: JSON.stringify(last?.element ?? "n/a"),
      });
      observed.candidates.slice(0, -1).forEach((candidate, index) => {
        printFigure(`${name}.largest-paint.${label}.candidate${index + 1}`, {
          at: `${Math.round(candidate.at)}ms`,
          size: candidate.size,
          stillInDom: candidate.connected,
          element: JSON.stringify(candidate.element),
        });
      });
    } finally {
      await context.close();
    }
  }
}
