import { z } from "zod";

/** A query parameter holding a whole number from 0 to `max`; absent or empty means `fallback`. */
export function wholeNumberParam(name: string, fallback: number, max: number) {
  return z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw === "" ? String(fallback) : raw))
    .pipe(z.string().regex(/^\d{1,16}$/, `${name} must be a whole number`))
    .transform(Number)
    .pipe(z.number().int().min(0).max(max, `${name} must be at most ${max}`));
}
