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
    // it computes); they brought out a leader that demoted itself under load (its lease renewal waited on fenced
    // transactions, fixed in leader-term.ts), and the extra load is still the likeliest source of timing flakes.
    maxWorkers: 2,
  },
});
