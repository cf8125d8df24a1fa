import { z } from "zod";
import { wholeNumberParam } from "@/lib/shared/whole-number-param";
import { readQueryParam, type QueryInput } from "@/lib/shared/read-query-param";
import { formatZodError, type ParseResult } from "@/lib/shared/status-filter";

export const DELIVERIES_MAX_LIMIT = 500;
export const DELIVERIES_DEFAULT_LIMIT = 100;
export const DELIVERY_STATUS_VALUES = ["queued", "sent", "failed", "expired"] as const;

/** `GET /api/v1/notifications/deliveries`: the delivery log, in id order from `after`. */
export interface DeliveriesQuery {
  after: number;
  limit: number;
  channel: string | null;
  status: (typeof DELIVERY_STATUS_VALUES)[number] | null;
}

export const deliveriesQuerySchema = z.object({
  after: wholeNumberParam("after", 0, Number.MAX_SAFE_INTEGER),
  limit: wholeNumberParam("limit", DELIVERIES_DEFAULT_LIMIT, DELIVERIES_MAX_LIMIT).pipe(z.number().min(1, "limit must be at least 1")),
  channel: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "channel must be a channel id from the notifications file")
    .optional(),
  status: z.enum(DELIVERY_STATUS_VALUES, { error: `status must be one of ${DELIVERY_STATUS_VALUES.join(", ")}` }).optional(),
});

export function parseDeliveriesQuery(input: QueryInput): ParseResult<DeliveriesQuery> {
  const parsed = deliveriesQuerySchema.safeParse({
    after: readQueryParam(input, "after"),
    limit: readQueryParam(input, "limit"),
    channel: readQueryParam(input, "channel") || undefined,
    status: readQueryParam(input, "status") || undefined,
  });
  if (!parsed.success) return { ok: false, error: formatZodError(parsed.error) };
  const value = parsed.data;
  return { ok: true, value: { after: value.after, limit: value.limit, channel: value.channel ?? null, status: value.status ?? null } };
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
});
export type DeliveryItem = z.infer<typeof deliverySchema>;

export const deliveriesResponseSchema = z.object({
  deliveries: z.array(deliverySchema),
  /** pass as `after` next time; equals `after` when nothing new matched */
  nextAfter: z.number().int(),
});
export type DeliveriesResponse = z.infer<typeof deliveriesResponseSchema>;
