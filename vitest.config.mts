import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server bundle; under Vitest we are plain Node.
      "server-only": fileURLToPath(new URL("./tests/support/server-only-noop.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "components/**/*.test.tsx", "app/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    // Two workers on this 2-core machine. Four finish in about half the time (the suite waits on real servers more than
    // it computes), but under that load notify-replicas often sees leadership move to a replica whose dispatcher then claims nothing
    // for 30 s (an open fault, in the closing note of session 5).
    maxWorkers: 2,
  },
});
