/**
 * Undo actions run last-in first-out, each at most once, even when one fails. Every benchmark owns one
 * and runs it in `finally`; run-all also runs the open ones on SIGINT/SIGTERM.
 */
export interface CleanupStack {
  add(label: string, undo: () => void | Promise<void>): void;
  run(): Promise<void>;
}

const openStacks = new Set<CleanupStack>();

export function createCleanupStack(): CleanupStack {
  const actions: { label: string; undo: () => void | Promise<void> }[] = [];
  const stack: CleanupStack = {
    add(label, undo) {
      actions.push({ label, undo });
    },
    async run() {
      openStacks.delete(stack);
      while (actions.length > 0) {
        const action = actions.pop();
        if (!action) break;
        try {
          await action.undo();
        } catch (error) {
          console.error(`cleanup ${action.label} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
  };
  openStacks.add(stack);
  return stack;
}

export async function runOpenCleanupStacks(): Promise<void> {
  for (const stack of [...openStacks]) await stack.run();
}
