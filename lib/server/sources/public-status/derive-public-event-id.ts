const UNSAFE_ID_CHARS = /[^a-z0-9_-]+/g;

function hashText(text: string): string {
  // FNV-1a 32-bit: stable across runs and platforms, enough to tell events apart in one service.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * Stable, URL-safe id of a currentevents event: the last path segment of its ARN, lowercased,
 * e.g. `aws_multiple_services_operational_issue_5e6b8_ef2498889b5`. Those segments carry AWS's own
 * unique suffix. Slugs never contain `_`, so such an id cannot collide with an RSS id `{key}_{epoch}`;
 * a segment that has no `_` or no letter falls back to `arn-{fnv1a(arn)}`.
 */
export function deriveArnEventId(arn: string): string {
  const segment = arn.split("/").pop()?.toLowerCase().replace(UNSAFE_ID_CHARS, "-").replace(/^-+|-+$/g, "") ?? "";
  const isDistinct = segment.includes("_") && /[a-z]/.test(segment);
  return isDistinct ? segment : `arn-${hashText(arn)}`;
}

/** Id of an event known only from RSS: `{key}_{epoch of its first update}`. */
export function deriveRssEventId(key: string, firstAt: number): string {
  return `${key}_${firstAt}`;
}
