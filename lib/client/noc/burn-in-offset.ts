/** Every few minutes the whole wall moves a few pixels along this loop, so static edges never burn in. */
export const BURN_IN_STEP_MS = 3 * 60_000;

const PATH: readonly (readonly [number, number])[] = [
  [0, 0],
  [2, 1],
  [4, 2],
  [3, 4],
  [1, 4],
  [-1, 3],
  [-3, 2],
  [-4, 0],
  [-2, -2],
  [0, -3],
  [2, -2],
];

/** The largest shift in either direction, px: the wall keeps at least this much padding. */
export const BURN_IN_MAX_PX = 4;

/** The offset at `now` (epoch ms): a slow cycle of about half an hour, the same on every screen. */
export function computeBurnInOffset(now: number): { x: number; y: number } {
  const step = Math.floor(now / BURN_IN_STEP_MS) % PATH.length;
  const [x, y] = PATH[step] ?? [0, 0];
  return { x, y };
}
