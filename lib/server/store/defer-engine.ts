import type { Coordinator, ReplicaRole, StoreEngine, StoreRepos } from "@/lib/server/store/contract/store-contract";

/**
 * An engine usable at once while it connects and migrates (PostgreSQL): every call waits for it. Until it is
 * ready this process is a follower, so nothing polls before the database answers and the leader is elected.
 */
export function deferEngine(kind: StoreEngine["kind"], opening: Promise<StoreEngine>): StoreEngine {
  const roleListeners = new Set<(role: ReplicaRole) => void>();
  const commitListeners = new Set<(latestJournalId: number) => void>();
  let engine: StoreEngine | null = null;
  opening
    .then((opened) => {
      engine = opened;
      opened.coordinator.onRoleChange((role) => {
        for (const listener of roleListeners) listener(role);
      });
      opened.onCommit((id) => {
        for (const listener of commitListeners) listener(id);
      });
      if (opened.coordinator.role !== "follower") for (const listener of roleListeners) listener(opened.coordinator.role);
    })
    .catch(() => undefined);

  const repos = new Proxy({} as StoreRepos, {
    get(_target, repoName: string) {
      return new Proxy({}, {
        get(_repo, method: string) {
          return async (...args: unknown[]) => {
            const ready = await opening;
            const repo = ready.repos[repoName as keyof StoreRepos] as unknown as Record<string, (...a: unknown[]) => unknown>;
            return repo[method]?.(...args);
          };
        },
      });
    },
  });
  const coordinator: Coordinator = {
    get role() {
      return engine?.coordinator.role ?? "follower";
    },
    onRoleChange(listener) {
      roleListeners.add(listener);
      return () => roleListeners.delete(listener);
    },
  };

  return {
    kind,
    repos,
    coordinator,
    async transaction(work, options) {
      return (await opening).transaction(work, options);
    },
    onCommit(listener) {
      commitListeners.add(listener);
      return () => commitListeners.delete(listener);
    },
    async ping() {
      await (await opening).ping();
    },
    async close() {
      roleListeners.clear();
      commitListeners.clear();
      await (await opening.catch(() => null))?.close();
    },
  };
}
