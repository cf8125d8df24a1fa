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
    // Most files wait on real servers (PostgreSQL, simulators, receivers) more than they compute: on this 2-core
    // machine four workers finish the suite in about half the time of two, with the same results.
    maxWorkers: 4,
  },
});
