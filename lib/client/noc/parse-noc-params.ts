import { z } from "zod";
import { parseLiveScope } from "@/lib/shared/live-scope";
import { readQueryParam } from "@/lib/shared/read-query-param";
import { formatZodError, type ParseResult } from "@/lib/shared/status-filter";
import {
  DEFAULT_ROTATE_SECONDS,
  MAX_ROTATE_SECONDS,
  MIN_ROTATE_SECONDS,
  NOC_DISTANCES,
  NOC_THEMES,
  type NocLayout,
  type NocSettings,
} from "@/lib/client/noc/noc-settings";

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Every parameter the wall understands; anything else is a typo that would silently widen the screen. */
export const NOC_PARAMS = ["region", "service", "status", "account", "category", "mute", "rotate", "theme", "density", "distance", "portrait", "chime"] as const;

const SINGLE_VALUED = ["rotate", "theme", "density", "distance", "portrait", "chime"] as const;

const ON = new Set(["on", "true", "1", "yes"]);
const OFF = new Set(["off", "false", "0", "no"]);

const switchValue = () =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = (raw ?? "").trim().toLowerCase();
      if (value === "" || value === "auto") return null;
      if (ON.has(value)) return true;
      if (OFF.has(value)) return false;
      ctx.addIssue({ code: "custom", message: `must be on or off (got "${raw}")` });
      return z.NEVER;
    });

const nocParamsSchema = z.object({
  rotate: z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === "" ? DEFAULT_ROTATE_SECONDS : Number(raw.trim())))
    .pipe(
      z
        .number({ error: "must be a number of seconds" })
        .int("must be a whole number of seconds")
        .min(MIN_ROTATE_SECONDS, `must be at least ${MIN_ROTATE_SECONDS} seconds`)
        .max(MAX_ROTATE_SECONDS, `must be at most ${MAX_ROTATE_SECONDS} seconds`),
    ),
  theme: z
    .string()
    .optional()
    .transform((raw) => (raw ?? "dark").trim().toLowerCase() || "dark")
    .pipe(z.enum(NOC_THEMES, { error: () => `must be ${NOC_THEMES.join(" or ")}` })),
  density: z
    .string()
    .optional()
    .transform((raw) => (raw ?? "room").trim().toLowerCase() || "room")
    .pipe(z.enum(NOC_DISTANCES, { error: () => `must be ${NOC_DISTANCES.join(", ")} (for 1–2 m, 3 m, 5 m)` })),
  portrait: switchValue(),
  chime: switchValue(),
});

function readNames(input: QueryInput): string[] {
  if (input instanceof URLSearchParams) return [...input.keys()];
  return Object.keys(input).filter((name) => input[name] !== undefined);
}

function countValues(input: QueryInput, name: string): number {
  if (input instanceof URLSearchParams) return input.getAll(name).length;
  const value = input[name];
  return value === undefined ? 0 : Array.isArray(value) ? value.length : 1;
}

function checkNames(input: QueryInput): string[] {
  const problems: string[] = [];
  const unknown = [...new Set(readNames(input))].filter((name) => !(NOC_PARAMS as readonly string[]).includes(name));
  if (unknown.length > 0) problems.push(`unknown parameter ${unknown.join(", ")} (known: ${NOC_PARAMS.join(", ")})`);
  for (const name of SINGLE_VALUED) {
    if (countValues(input, name) > 1) problems.push(`${name} is given more than once`);
  }
  if (countValues(input, "density") > 0 && countValues(input, "distance") > 0) problems.push("give density or distance, not both");
  return problems;
}

/** The wall's settings from its URL, or every problem with it in one message. */
export function parseNocParams(input: QueryInput): ParseResult<NocSettings> {
  const problems = checkNames(input);
  const scope = parseLiveScope(input);
  if (!scope.ok) problems.push(scope.error);
  const parsed = nocParamsSchema.safeParse({
    rotate: readQueryParam(input, "rotate"),
    theme: readQueryParam(input, "theme"),
    density: readQueryParam(input, "density") ?? readQueryParam(input, "distance"),
    portrait: readQueryParam(input, "portrait"),
    chime: readQueryParam(input, "chime"),
  });
  if (!parsed.success) problems.push(formatZodError(parsed.error));
  if (problems.length > 0 || !scope.ok || !parsed.success) return { ok: false, error: problems.join("; ") };

  const value = parsed.data;
  const layout: NocLayout = value.portrait === null ? "auto" : value.portrait ? "portrait" : "landscape";
  return {
    ok: true,
    value: {
      scope: scope.value,
      rotateSeconds: value.rotate,
      theme: value.theme,
      distance: value.density,
      layout,
      chime: value.chime ?? false,
    },
  };
}
