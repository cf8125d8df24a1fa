const BASE_MS = 1000;
const MAX_MS = 10_000;

/** Exponential backoff with jitter: ~0.5–1 s, 1–2 s, 2–4 s … capped at 10 s, so a wall screen is back soon after the server. */
export function computeReconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
