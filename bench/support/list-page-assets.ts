export interface PageAssets {
  /** `<script src>`, `<link rel=modulepreload>` and `<link rel=preload as=script>` URLs, absolute, in page order, once each. */
  scripts: string[];
  /** `<script nomodule src>`: legacy polyfills that module-capable browsers never download. */
  noModuleScripts: string[];
  stylesheets: string[];
  /** Bytes of inline `<script>` bodies (theme init, React Server Component payload). */
  inlineScriptBytes: number;
  inlineScriptCount: number;
}

const TAG = /<(script|link)\b([^>]*)>/gi;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

function readAttribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attributes);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value === undefined ? null : value.replaceAll("&amp;", "&");
}

/** What a browser fetches for a server-rendered page: its scripts and stylesheets. */
export function listPageAssets(html: string, pageUrl: string): PageAssets {
  const scripts = new Set<string>();
  const noModuleScripts = new Set<string>();
  const stylesheets = new Set<string>();
  for (const match of html.matchAll(TAG)) {
    const tag = (match[1] ?? "").toLowerCase();
    const attributes = match[2] ?? "";
    if (tag === "script") {
      const src = readAttribute(attributes, "src");
      if (src === null) continue;
      const isNoModule = /\bnomodule\b/i.test(attributes);
      (isNoModule ? noModuleScripts : scripts).add(new URL(src, pageUrl).href);
      continue;
    }
    const rel = (readAttribute(attributes, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = readAttribute(attributes, "href");
    if (href === null) continue;
    const isScriptPreload = rel.includes("preload") && (readAttribute(attributes, "as") ?? "").toLowerCase() === "script";
    if (rel.includes("modulepreload") || isScriptPreload) scripts.add(new URL(href, pageUrl).href);
    if (rel.includes("stylesheet")) stylesheets.add(new URL(href, pageUrl).href);
  }
  let inlineScriptBytes = 0;
  let inlineScriptCount = 0;
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    inlineScriptCount += 1;
    inlineScriptBytes += Buffer.byteLength(match[1] ?? "");
  }
  return { scripts: [...scripts], noModuleScripts: [...noModuleScripts], stylesheets: [...stylesheets], inlineScriptBytes, inlineScriptCount };
}
