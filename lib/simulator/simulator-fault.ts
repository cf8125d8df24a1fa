import { z } from "zod";

export const DEFAULT_HUGE_BODY_BYTES = 10 * 1024 * 1024;

export const faultSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("status"), status: z.number().int().min(400).max(599) }),
  z.strictObject({ kind: z.literal("hang-before-headers") }),
  z.strictObject({ kind: z.literal("hang-mid-body") }),
  z.strictObject({ kind: z.literal("malformed") }),
  z.strictObject({ kind: z.literal("wrong-encoding") }),
  z.strictObject({
    kind: z.literal("huge-body"),
    bytes: z.number().int().positive().max(1024 * 1024 * 1024).optional(),
  }),
  z.strictObject({ kind: z.literal("redirect-loop") }),
  z.strictObject({ kind: z.literal("slow"), ms: z.number().int().min(0).max(600_000) }),
]);
export type Fault = z.infer<typeof faultSchema>;

export const FAULT_TARGETS = ["currentevents", "rss", "catalog", "all"] as const;
export const faultTargetSchema = z.enum(FAULT_TARGETS);
export type FaultTarget = z.infer<typeof faultTargetSchema>;

export const setFaultRequestSchema = z.strictObject({
  target: faultTargetSchema.default("all"),
  fault: faultSchema.nullable(),
});
export type SetFaultRequest = z.infer<typeof setFaultRequestSchema>;
