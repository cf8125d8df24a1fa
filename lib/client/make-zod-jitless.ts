/** Where zod 4 keeps its global config (`z.config()`); it adopts an object already there when it loads. */
const ZOD_CONFIG_KEY = "__zod_globalConfig";

/**
 * `z.config({ jitless: true })` without loading zod: the first-load JS of every page stays free of it (~31 KB gzip)
 * while the browser parsers that load later still never probe `new Function`, which the CSP would report.
 */
export function makeZodJitless(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  const existing = scope[ZOD_CONFIG_KEY];
  const config = typeof existing === "object" && existing !== null ? existing : (scope[ZOD_CONFIG_KEY] = {});
  Object.assign(config, { jitless: true });
}
