const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0",
  mdash: "\u2014", ndash: "\u2013", hellip: "\u2026", bull: "\u2022", middot: "\u00b7",
  lsquo: "\u2018", rsquo: "\u2019", ldquo: "\u201c", rdquo: "\u201d", laquo: "\u00ab", raquo: "\u00bb",
  copy: "\u00a9", reg: "\u00ae", trade: "\u2122", deg: "\u00b0", times: "\u00d7", euro: "\u20ac",
  pound: "\u00a3", yen: "\u00a5", cent: "\u00a2", shy: "", zwsp: "\u200b",
};

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;
const TAG_LIKE = /<\/?[a-zA-Z][^<>]*>|<!--/;

function decodeCodePoint(codePoint: number, original: string): string {
  const isValid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
  return isValid ? String.fromCodePoint(codePoint) : original;
}

/** Decodes named (common subset) and numeric HTML entities; unknown names stay as written. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(ENTITY, (original, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return decodeCodePoint(Number.parseInt(body.slice(2), 16), original);
    if (body.startsWith("#")) return decodeCodePoint(Number.parseInt(body.slice(1), 10), original);
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? original;
  });
}

/** Removes markup but keeps the text a reader would see (link text, line and paragraph breaks). */
function stripTags(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(?:p|div|ul|ol|table|blockquote|h[1-6])\b[^<>]*>/gi, "\n\n")
    .replace(/<li\b[^<>]*>/gi, "\n- ")
    .replace(/<tr\b[^<>]*>/gi, "\n")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, "");
}

/**
 * Cuts spaces and tabs at each line's end. Not `/[ \t]+$/gm`: that regex retries from every space of a run that
 * does not end a line, so 40,000 spaces before a letter took seconds.
 */
function trimLineEnds(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      let end = line.length;
      while (end > 0 && (line[end - 1] === " " || line[end - 1] === "\t")) end -= 1;
      return end === line.length ? line : line.slice(0, end);
    })
    .join("\n");
}

function tidyWhitespace(text: string): string {
  return trimLineEnds(text.replace(/\r\n?/g, "\n").replace(/[\u00a0\u2007\u202f]/g, " "))
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\s+/, "")
    .trimEnd();
}

/**
 * Turns an RSS description or an event_log message into plain text for React to render as text.
 * AWS mixes raw HTML inside CDATA with entity-escaped HTML (`&lt;br&gt;`), so when the first
 * decode reveals markup, it is stripped and decoded a second time.
 */
export function convertDescriptionToText(description: string): string {
  let text = decodeHtmlEntities(stripTags(description));
  if (TAG_LIKE.test(text)) text = decodeHtmlEntities(stripTags(text));
  return tidyWhitespace(text);
}
