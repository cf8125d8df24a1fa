import { readFile, readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { z } from "zod";
import { scenarioSchema, type Scenario } from "@/lib/simulator/scenario-schema";

export const SCENARIOS_DIR = fileURLToPath(new URL("./scenarios/", import.meta.url));

export class ScenarioValidationError extends Error {
  readonly issues: z.core.$ZodIssue[];

  constructor(source: string, error: z.ZodError) {
    super(`invalid scenario ${source}:\n${z.prettifyError(error)}`);
    this.name = "ScenarioValidationError";
    this.issues = error.issues;
  }
}

export function parseScenario(input: unknown, source = "(inline)"): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw new ScenarioValidationError(source, result.error);
  return result.data;
}

/** Loads `name` from lib/simulator/scenarios/, or a path to any scenario JSON file. */
export async function loadScenario(nameOrPath: string): Promise<Scenario> {
  const file = resolveScenarioPath(nameOrPath);
  const text = await readFile(file, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`scenario ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseScenario(json, file);
}

export async function listScenarioNames(): Promise<string[]> {
  const entries = await readdir(SCENARIOS_DIR);
  return entries.filter((entry) => entry.endsWith(".json")).map((entry) => entry.slice(0, -".json".length)).sort();
}

function resolveScenarioPath(nameOrPath: string): string {
  if (nameOrPath.endsWith(".json") || nameOrPath.includes(path.sep) || nameOrPath.includes("/")) {
    return path.resolve(nameOrPath);
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(nameOrPath)) throw new Error(`invalid scenario name ${nameOrPath}`);
  return path.join(SCENARIOS_DIR, `${nameOrPath}.json`);
}
