/**
 * The build this page runs, learnt from the first `hello` after it loaded (the page cannot know its own
 * build id otherwise); a later `hello` with another id means the server was redeployed.
 */
let pageBuildId: string | null = null;

export function getPageBuildId(): string | null {
  return pageBuildId;
}

/** Records the first id seen; says whether `buildId` differs from it. */
export function noteServerBuildId(buildId: string): "baseline" | "same" | "changed" {
  if (pageBuildId === null) {
    pageBuildId = buildId;
    return "baseline";
  }
  return buildId === pageBuildId ? "same" : "changed";
}

const RELOADS_KEY = "healthdeck.live.reloads";
const GUARD_WINDOW_MS = 10 * 60_000;
const MAX_RELOADS_IN_WINDOW = 3;

interface ReloadDeps {
  storage: Pick<Storage, "getItem" | "setItem"> | null;
  reload: () => void;
  now: number;
}

function readReloadTimes(storage: ReloadDeps["storage"]): number[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(RELOADS_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((item): item is number => typeof item === "number") : [];
  } catch {
    return [];
  }
}

/**
 * Reloads the page unless it already did so three times in ten minutes (two servers on different
 * builds behind one address would otherwise reload it forever). Returns whether it reloaded.
 */
export function reloadWithLoopGuard(deps: ReloadDeps): boolean {
  const recent = readReloadTimes(deps.storage).filter((at) => deps.now - at < GUARD_WINDOW_MS);
  if (recent.length >= MAX_RELOADS_IN_WINDOW) return false;
  try {
    deps.storage?.setItem(RELOADS_KEY, JSON.stringify([...recent, deps.now]));
  } catch {
    // storage full or denied: reload anyway, the guard is best effort
  }
  deps.reload();
  return true;
}
