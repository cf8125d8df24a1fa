export interface RssGuidParts {
  /** the feed key (service slug), e.g. `ec2-us-east-1`, `route53`, `multipleservices-me-central-1` */
  key: string;
  /** epoch seconds of the update, or null when the fragment carries no epoch */
  at: number | null;
}

const FRAGMENT_WITH_EPOCH = /^([a-z0-9][a-z0-9.-]*)_(\d{1,13})$/i;
const FRAGMENT_KEY_ONLY = /^([a-z0-9][a-z0-9.-]*)$/i;
const MILLISECONDS_THRESHOLD = 100_000_000_000;

/**
 * Reads `{key}_{epoch}` from the guid fragment after `#`. Only the fragment is matched, never the
 * URL in front of it: the host moved from http to https and may move again.
 */
export function parseRssGuid(guid: string): RssGuidParts | null {
  const hashIndex = guid.lastIndexOf("#");
  const fragment = (hashIndex >= 0 ? guid.slice(hashIndex + 1) : guid).trim();
  const withEpoch = FRAGMENT_WITH_EPOCH.exec(fragment);
  if (withEpoch?.[1] && withEpoch[2]) {
    const epoch = Number(withEpoch[2]);
    return { key: withEpoch[1].toLowerCase(), at: epoch >= MILLISECONDS_THRESHOLD ? Math.floor(epoch / 1000) : epoch };
  }
  // A bare word without `#` is more likely a URL or an opaque id than a feed key.
  if (hashIndex < 0) return null;
  const keyOnly = FRAGMENT_KEY_ONLY.exec(fragment);
  return keyOnly?.[1] ? { key: keyOnly[1].toLowerCase(), at: null } : null;
}
