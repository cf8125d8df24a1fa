import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const buildIdSchema = z.string().trim().regex(/^[\w.-]{1,100}$/);

/**
 * The id of the build this server runs: HEALTHDECK_BUILD_ID when set (tests, packagers), else
 * `.next/BUILD_ID`. Browsers compare it across reconnects to notice a deploy and reload.
 */
export function readBuildId(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  const override = buildIdSchema.safeParse(env.HEALTHDECK_BUILD_ID);
  if (override.success) return override.data;
  try {
    const fromFile = buildIdSchema.safeParse(readFileSync(path.join(cwd, ".next", "BUILD_ID"), "utf8"));
    if (fromFile.success) return fromFile.data;
  } catch {
    // no production build here (next dev, tests)
  }
  return "development";
}
