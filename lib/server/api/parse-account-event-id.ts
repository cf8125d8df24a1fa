import { z } from "zod";

export const accountEventIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** Event ids are base64url digests; anything else is a client error, not a lookup. */
export function parseAccountEventId(raw: string): string | null {
  const parsed = accountEventIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
