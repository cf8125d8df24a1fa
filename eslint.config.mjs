import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers (ARCHITECTURE.md), held by the linter rather than a paragraph: data flows
// sources → poller/ingest → store → services/hub → app, and each layer imports only downstream of it.
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];
const noTestsOrSimulator = [
  { group: ["@/tests/*", "@/tests/**"], message: "production code never imports tests/ (test stacks live in tests/support/)" },
  { group: ["@/lib/simulator/*", "@/lib/simulator/**"], message: "production code never imports the simulator (only scripts/ wire the demo)" },
];
const noEngines = [
  { group: ["@/lib/server/store/sqlite/*", "@/lib/server/store/postgres/*", "@/lib/server/store/common/*"], message: "only lib/server/store/ sees an engine: use the store contract (healthdeck-store, contract/)" },
  { group: ["better-sqlite3", "pg"], message: "only lib/server/store/ talks to a database" },
];
const noStore = [{ group: ["@/lib/server/store/*", "@/lib/server/store/**"], message: "sources return what they learned; the poller or ingest commits it through the store" }];
const restrict = (files, patterns) => ({ files, ignores: TESTS, rules: { "no-restricted-imports": ["error", { patterns }] } });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  restrict(["lib/server/**/*.ts"], [...noTestsOrSimulator, ...noEngines]),
  restrict(["lib/server/sources/**/*.ts"], [...noTestsOrSimulator, ...noEngines, ...noStore]),
  restrict(["lib/server/store/**/*.ts"], [
    ...noTestsOrSimulator,
    { group: ["@/lib/server/sources/*", "@/lib/server/sources/**", "@/lib/server/services/**", "@/lib/server/hub/**", "@/lib/server/poller/**", "@/lib/server/runtime/**", "@/lib/server/ingest/**"], message: "the store knows only domain records and its own contract" },
  ]),
  restrict(["lib/server/domain/**/*.ts"], [
    ...noTestsOrSimulator,
    { group: ["@/lib/server/*/**", "!@/lib/server/domain/**"], message: "domain records import nothing of the server's layers" },
  ]),
  restrict(["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx", "lib/client/**/*.ts", "lib/client/**/*.tsx"], [...noTestsOrSimulator, ...noEngines, ...noStore]),
  {
    // The first Intl formatter a page builds loads ICU data: tens of milliseconds of a phone's hydration.
    files: ["components/**/*.tsx", "components/**/*.ts", "lib/client/**/*.ts", "lib/client/**/*.tsx"],
    ignores: TESTS,
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.object.name='Intl'][callee.property.name=/^(NumberFormat|Collator|PluralRules|RelativeTimeFormat|ListFormat)$/]", message: "browser code formats without Intl (formatCount, plain string compare): its first use loads ICU data during hydration" },
        { selector: "CallExpression[callee.property.name=/^(toLocaleString|toLocaleDateString|toLocaleTimeString|localeCompare)$/]", message: "browser code formats and sorts without Intl (formatCount, format-time.ts, compareText): its first use loads ICU data during hydration" },
      ],
    },
  },
  restrict(["lib/shared/**/*.ts"], [
    ...noTestsOrSimulator,
    { group: ["@/lib/client/*", "@/lib/client/**", "@/lib/server/*", "@/lib/server/**"], message: "lib/shared is imported by browser and server alike: it imports neither" },
  ]),
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "reports/**", "data/**"]),
]);
