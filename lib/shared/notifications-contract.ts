import { z } from "zod";
import { wholeNumberParam } from "@/lib/shared/whole-number-param";
import { readQueryParam, type QueryInput } from "@/lib/shared/read-query-param";
import { formatZodError, type ParseResult } from "@/lib/shared/status-filter";

export const DELIVERIES_MAX_LIMIT = 500;
export const DELIVERIES_DEFAULT_LIMIT = 100;
/** `folded`: carried by a storm's digest instead of being sent itself (`foldedInto` names the digest). */
export const DELIVERY_STATUS_VALUES = ["queued", "sent", "failed", "expired", "folded"] as const;
export const DELIVERY_KIND_VALUES = ["opened", "updated", "resolved", "reminder", "digest"] as const;

/** `GET /api/v1/notifications/deliveries`: the delivery log, in id order from `after`. */
export interface DeliveriesQuery {
  after: number;
  limit: number;
  channel: string | null;
  status: (typeof DELIVERY_STATUS_VALUES)[number] | null;
  kind: (typeof DELIVERY_KIND_VALUES)[number] | null;
}

export const deliveriesQuerySchema = z.object({
  after: wholeNumberParam("after", 0, Number.MAX_SAFE_INTEGER),
  limit: wholeNumberParam("limit", DELIVERIES_DEFAULT_LIMIT, DELIVERIES_MAX_LIMIT).pipe(z.number().min(1, "limit must be at least 1")),
  channel: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "channel must be a channel id from the notifications file")
    .optional(),
  status: z.enum(DELIVERY_STATUS_VALUES, { error: `status must be one of ${DELIVERY_STATUS_VALUES.join(", ")}` }).optional(),
  kind: z.enum(DELIVERY_KIND_VALUES, { error: `kind must be one of ${DELIVERY_KIND_VALUES.join(", ")}` }).optional(),
});

export function parseDeliveriesQuery(input: QueryInput): ParseResult<DeliveriesQuery> {
  const parsed = deliveriesQuerySchema.safeParse({
    after: readQueryParam(input, "after"),
    limit: readQueryParam(input, "limit"),
    channel: readQueryParam(input, "channel") || undefined,
    status: readQueryParam(input, "status") || undefined,
    kind: readQueryParam(input, "kind") || undefined,
  });
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const value = parsed.data;
  return { ok: true, value: { after: value.after, limit: value.limit, channel: value.channel ?? null, status: value.status ?? null, kind: value.kind ?? null } };
}

export const deliverySchema = z.object({
  id: z.number().int(),
  channel: z.string(),
  kind: z.string(),
  eventId: z.string(),
  status: z.enum(DELIVERY_STATUS_VALUES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** HTTP (or SMTP) status of the last answer, null when none came */
  lastStatus: z.number().int().nullable(),
  isSecurity: z.boolean(),
  /** status `folded`: the id of the digest delivery that carried this one */
  foldedInto: z.number().int().nullable(),
});
export type DeliveryItem = z.infer<typeof deliverySchema>;

export const deliveriesResponseSchema = z.object({
  deliveries: z.array(deliverySchema),
  /** pass as `after` next time; equals `after` when nothing new matched */
  nextAfter: z.number().int(),
});
export type DeliveriesResponse = z.infer<typeof deliveriesResponseSchema>;

export const deliveryAttemptSchema = z.object({
  at: z.string(),
  /** the delivery's status after this attempt (`queued`: a retry was scheduled) */
  outcome: z.enum(DELIVERY_STATUS_VALUES),
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  /** the start of the answer's body, as text */
  responseText: z.string().nullable(),
});
export type DeliveryAttemptItem = z.infer<typeof deliveryAttemptSchema>;

/** `GET /api/v1/notifications/deliveries/<id>`: one delivery, its attempts and the payload it sends (or sent). */
export const deliveryDetailSchema = z.object({
  delivery: deliverySchema,
  attempts: z.array(deliveryAttemptSchema),
  /** the rendered message body, exactly as sent (signature headers are made per attempt and not kept) */
  payload: z.unknown(),
  /** a digest's deliveries (their ids, oldest first), empty for other kinds */
  folded: z.array(z.number().int()),
});
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;

export const DELIVERY_ATTEMPTS_SHOWN = 200;
export const DIGEST_FOLDED_SHOWN = 1000;

/** The `<id>` of `/api/v1/notifications/deliveries/<id>`. */
export function parseDeliveryId(text: string): ParseResult<number> {
  if (!/^[1-9]\d{0,15}$/.test(text) || !Number.isSafeInteger(Number(text))) return { ok: false, error: "the delivery id must be a whole number from the delivery log" };
  return { ok: true, value: Number(text) };
}
