/** zod 4 keeps its settings on this global so that every copy of zod in a page shares them (zod/v4/core/core.js). */
interface ZodGlobalConfigHolder {
  __zod_globalConfig?: { jitless?: boolean };
}

/**
 * `z.config({ jitless: true })` without loading zod: zod would otherwise probe `new Function("")` to decide whether
 * it may compile parsers, and the Content-Security-Policy (no 'unsafe-eval') reports that probe as a violation.
 * Setting it through zod's shared global keeps zod (a seventh of a page's first-load script) off every first load.
 */
export function setZodJitless(holder: ZodGlobalConfigHolder = globalThis as ZodGlobalConfigHolder): void {
  holder.__zod_globalConfig ??= {};
  holder.__zod_globalConfig.jitless = true;
}
