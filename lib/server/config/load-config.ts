import { configSchema, PUBLISHED_POLL_HINTS, type HealthdeckConfig } from "@/lib/server/config/config-schema";
import { formatZodError } from "@/lib/shared/status-filter";

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

/** Parses settings once; empty strings count as unset so `FOO=` in a unit file falls back to the default. */
export function parseConfig(env: Env): HealthdeckConfig {
  const cleaned: Env = {};
  for (const [key, value] of Object.entries(env)) {
    if ((key === "PORT" || key.startsWith("HEALTHDECK_")) && value !== undefined && value.trim() !== "") {
      cleaned[key] = value.trim();
    }
  }
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) throw new ConfigError(`Invalid Healthdeck settings: ${formatZodError(parsed.error)}`);
  return parsed.data;
}

export function listPollIntervalWarnings(config: HealthdeckConfig): string[] {
  const warnings: string[] = [];
  for (const [name, hint] of Object.entries(PUBLISHED_POLL_HINTS) as [keyof typeof PUBLISHED_POLL_HINTS, number][]) {
    if (config[name] < hint) {
      warnings.push(`${name}=${config[name]} is below AWS's published hint of ${hint} s; use short intervals only against a simulator`);
    }
  }
  return warnings;
}

const CONFIG_KEY = Symbol.for("healthdeck.config");
type ConfigHolder = { [CONFIG_KEY]?: HealthdeckConfig };

export function getConfig(): HealthdeckConfig {
  const holder = globalThis as ConfigHolder;
  holder[CONFIG_KEY] ??= parseConfig(process.env);
  return holder[CONFIG_KEY];
}
