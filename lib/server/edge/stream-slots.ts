/** Open streams per client, so that one client cannot hold every live scope and push wall screens onto polling. */
export interface StreamSlots {
  /** A release function (call it once, when the stream ends), or null when the client holds `perClient` already. */
  acquire(client: string): (() => void) | null;
  count(client: string): number;
}

export function createStreamSlots(perClient: number): StreamSlots {
  const open = new Map<string, number>();
  return {
    acquire(client) {
      const held = open.get(client) ?? 0;
      if (held >= perClient) return null;
      open.set(client, held + 1);
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        const now = (open.get(client) ?? 1) - 1;
        if (now <= 0) open.delete(client);
        else open.set(client, now);
      };
    },
    count(client) {
      return open.get(client) ?? 0;
    },
  };
}
