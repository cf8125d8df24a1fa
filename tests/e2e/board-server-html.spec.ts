import { expect, test } from "@playwright/test";
import { z } from "zod";

const GRID_LABEL = "Status by service and region (scrolls)";

// Runs before any page script: remembers every row of the board's grid as the HTML parser inserts it, and any row
// (or ancestor of one) removed later. Hydration that keeps the server's DOM removes nothing.
const WATCH_GRID_ROWS = `
  window.__gridWatch = { parsed: [], removedRows: 0 };
  const gridOf = (node) => node.closest && node.closest('[aria-label="${GRID_LABEL}"]');
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const rows = node.matches("tr") ? [node] : [...node.querySelectorAll("tr")];
        for (const row of rows) if (gridOf(row) && document.readyState === "loading") window.__gridWatch.parsed.push(row);
      }
      for (const node of record.removedNodes) {
        if (node.nodeType !== 1) continue;
        if (node.matches("tr") || node.querySelector("tr")) window.__gridWatch.removedRows += 1;
      }
    }
  }).observe(document, { childList: true, subtree: true });
`;

const watchSchema = z.object({ parsed: z.number(), stillInDom: z.number(), removedRows: z.number() });
const READ_WATCH = `(() => {
  const watch = window.__gridWatch;
  return { parsed: watch.parsed.length, stillInDom: watch.parsed.filter((row) => row.isConnected).length, removedRows: watch.removedRows };
})()`;

test("the board's grid is in the server's HTML and hydration keeps its rows", async ({ page, request }) => {
  const html = await (await request.get("/")).text();
  const grid = html.slice(html.indexOf(`aria-label="${GRID_LABEL}"`));
  expect(html).toContain(`aria-label="${GRID_LABEL}"`);
  expect(grid).toMatch(/<table[^>]*aria-rowcount="\d+"/);
  expect(grid).toMatch(/<tr aria-rowindex="2"/);

  await page.addInitScript(WATCH_GRID_ROWS);
  await page.goto("/");
  // Live means hydrated, the stream's code loaded and its first snapshot applied.
  await expect(page.locator('section#board[data-live-connection="live"]')).toBeAttached({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  const watch = watchSchema.parse(await page.evaluate(READ_WATCH));
  expect(watch.parsed).toBeGreaterThanOrEqual(2);
  expect(watch.stillInDom).toBe(watch.parsed);
  expect(watch.removedRows).toBe(0);
});
