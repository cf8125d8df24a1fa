/**
 * Scripts the entity-table benchmark runs in the page. Sent as text, because the bench runs under tsx, whose helpers
 * would not exist in the page. Every time is `performance.now()` in the page: milliseconds since navigation start.
 */

/**
 * Before the page's own scripts: stamps the last input or click (its event time), and resolves `__entityBench.ready`
 * once the table holds `expected` rows, then types into the search box itself and resolves
 * `__entityBench.interactive` when the table shows the result (the search box responded).
 */
export function buildEntityInitScript(expected: number, probeQuery: string): string {
  return `(() => {
    const bench = (window.__entityBench = { lastInputAt: null, firstRowsAt: null, completeAt: null });
    const mark = (event) => { bench.lastInputAt = event.timeStamp; };
    document.addEventListener("input", mark, true);
    document.addEventListener("click", mark, true);
    const table = () => document.querySelector("[data-entity-table]");
    const afterPaint = (resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    bench.interactive = new Promise((resolveInteractive, reject) => {
      const timer = setTimeout(() => reject(new Error("the table did not reach ${expected} rows within 60 s")), 60000);
      const observer = new MutationObserver(() => {
        const element = table();
        if (element === null) return;
        const rows = Number(element.getAttribute("data-row-count"));
        if (bench.firstRowsAt === null && rows > 0) bench.firstRowsAt = performance.now();
        if (element.getAttribute("data-entity-table") !== "complete" || rows !== ${expected}) return;
        observer.disconnect();
        clearTimeout(timer);
        bench.completeAt = performance.now();
        const input = document.querySelector("#entity-search");
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
        setValue.call(input, ${JSON.stringify(probeQuery)});
        input.dispatchEvent(new Event("input", { bubbles: true }));
        const applied = new MutationObserver(() => {
          if (table()?.getAttribute("data-applied-q") !== ${JSON.stringify(probeQuery)}) return;
          applied.disconnect();
          afterPaint(resolveInteractive);
        });
        applied.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-applied-q"] });
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-entity-table", "data-row-count"] });
    });
  })();`;
}

/**
 * Arms a watch: `__entityBench.applied` resolves with the latency from the next input or click to the table showing
 * `q` and `status` (after the following paint), and the row count it then shows.
 */
export function buildApplyWatchScript(q: string, status: string): string {
  return `(() => {
    const bench = window.__entityBench;
    bench.lastInputAt = null;
    bench.applied = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("filter ${JSON.stringify(q).slice(1, -1)} / ${status} not applied within 10 s")), 10000);
      const isApplied = () => {
        const element = document.querySelector("[data-entity-table]");
        return bench.lastInputAt !== null && element?.getAttribute("data-applied-q") === ${JSON.stringify(q)} && (element?.getAttribute("data-applied-status") ?? "") === ${JSON.stringify(status)};
      };
      const finish = () => {
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => setTimeout(() => {
          const rows = Number(document.querySelector("[data-entity-table]")?.getAttribute("data-row-count"));
          resolve({ latency: performance.now() - bench.lastInputAt, rows, domRows: document.querySelectorAll("[data-entity-table] [role=row]").length });
        }, 0));
      };
      const observer = new MutationObserver(() => { if (isApplied()) finish(); });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  })(); undefined`;
}

/** Resource Timing of the entity requests and the page's own marks. */
export const READ_LOAD_TIMING_SCRIPT = `(() => {
  const bench = window.__entityBench;
  const requests = performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/entities")).map((entry) => ({
    url: entry.name, start: entry.startTime, responseStart: entry.responseStart, end: entry.responseEnd, bytes: entry.encodedBodySize, decoded: entry.decodedBodySize,
  }));
  const navigation = performance.getEntriesByType("navigation")[0];
  const steps = performance.getEntriesByType("mark").concat(performance.getEntriesByType("measure")).filter((entry) => entry.name.startsWith("healthdeck:")).map((entry) => ({ name: entry.name.slice(11), start: entry.startTime, duration: entry.duration }));
  return { requests, steps, firstRowsAt: bench.firstRowsAt, completeAt: bench.completeAt, responseEnd: navigation ? navigation.responseEnd : null, domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : null };
})()`;
