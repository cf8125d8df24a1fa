import type { LiveConnection } from "@/lib/client/live/live-connection";

export interface LiveRegistry {
  /** Takes a reference on the scope's connection, opening it on first use. `key` is a `liveScopeKey`. */
  acquire(key: string): LiveConnection;
  /** Gives the reference back; the connection closes shortly after its last user leaves. */
  release(key: string): void;
  peek(key: string): LiveConnection | undefined;
  readonly size: number;
}

interface Entry {
  connection: LiveConnection;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

/**
 * One connection per scope key, shared by every component that wants it and reference-counted. Closing
 * waits `closeDelayMs`, so React Strict Mode's unmount-and-remount (and a quick navigation between pages
 * of one scope) keeps the same stream instead of opening a second one.
 */
export function createLiveRegistry(options: { createConnection: (key: string) => LiveConnection; closeDelayMs?: number }): LiveRegistry {
  const closeDelayMs = options.closeDelayMs ?? 2000;
  const entries = new Map<string, Entry>();
  return {
    acquire(key) {
      let entry = entries.get(key);
      if (!entry) {
        entry = { connection: options.createConnection(key), refs: 0, closeTimer: null };
        entries.set(key, entry);
      }
      if (entry.closeTimer !== null) clearTimeout(entry.closeTimer);
      entry.closeTimer = null;
      entry.refs += 1;
      entry.connection.start();
      return entry.connection;
    },
    release(key) {
      const entry = entries.get(key);
      if (!entry) return;
      entry.refs = Math.max(0, entry.refs - 1);
      if (entry.refs > 0 || entry.closeTimer !== null) return;
      entry.closeTimer = setTimeout(() => {
        if (entry.refs > 0) return;
        entry.connection.stop();
        entries.delete(key);
      }, closeDelayMs);
    },
    peek: (key) => entries.get(key)?.connection,
    get size() {
      return entries.size;
    },
  };
}
