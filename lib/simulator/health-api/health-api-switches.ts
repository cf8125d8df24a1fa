import { z } from "zod";
import { HealthApiError } from "@/lib/simulator/health-api/health-api-errors";
import { HEALTH_OPERATIONS, type HealthOperation } from "@/lib/simulator/health-api/health-operations";
import { DRIFT_FIELDS, NEWER_FIELDS, type DriftField, type NewerField } from "@/lib/simulator/health-api/render-health-shapes";

const operationList = z.array(z.enum(HEALTH_OPERATIONS)).max(HEALTH_OPERATIONS.length);

/** A partial update of the switches, in code or as the body of POST /__sim/health/switch. */
export const healthSwitchesPatchSchema = z.strictObject({
  /** The next N calls answer ThrottlingException "Rate exceeded" (HTTP 400), counted before throttleRate. */
  throttleNext: z.number().int().min(0).max(1_000_000).optional(),
  /** This fraction of calls is throttled (seeded, so runs repeat). */
  throttleRate: z.number().min(0).max(1).optional(),
  /** Only these operations are throttled; null = all. */
  throttleOperations: operationList.nullable().optional(),
  /** The next N calls answer HTTP 500 InternalFailure; then failRate of calls. */
  failNext: z.number().int().min(0).max(1_000_000).optional(),
  failRate: z.number().min(0).max(1).optional(),
  failOperations: operationList.nullable().optional(),
  /** Delay before every answer (ms). */
  slowMs: z.number().int().min(0).max(600_000).optional(),
  /** Every call answers SubscriptionRequiredException (no Business support), with this message (AWS: empty). */
  subscriptionRequired: z.boolean().optional(),
  subscriptionMessage: z.string().max(1_000).optional(),
  /** AccessDeniedException for all operations (true) or the listed ones. */
  accessDenied: z.union([z.boolean(), operationList]).optional(),
  /** ExpiredTokenException for every call, with HTTP 400 (AWS JSON services) or 403. */
  expiredCredentials: z.boolean().optional(),
  expiredStatus: z.union([z.literal(400), z.literal(403)]).optional(),
  /** Leave out fields newer SDKs know (true = all of NEWER_FIELDS). */
  omitNewerFields: z.union([z.boolean(), z.array(z.enum(NEWER_FIELDS))]).optional(),
  /** Emit values no SDK knows yet in these enum fields (true = all of DRIFT_FIELDS). */
  unknownEnumValues: z.union([z.boolean(), z.array(z.enum(DRIFT_FIELDS))]).optional(),
  /** Errors as `com.amazonaws.health#Name` plus an X-Amzn-ErrorType header, which clients must sanitise. */
  namespacedErrors: z.boolean().optional(),
});
export type HealthSwitchesPatch = z.infer<typeof healthSwitchesPatchSchema>;

export interface HealthApiSwitches {
  throttleNext: number;
  throttleRate: number;
  throttleOperations: HealthOperation[] | null;
  failNext: number;
  failRate: number;
  failOperations: HealthOperation[] | null;
  slowMs: number;
  subscriptionRequired: boolean;
  subscriptionMessage: string;
  accessDenied: HealthOperation[];
  expiredCredentials: boolean;
  expiredStatus: 400 | 403;
  omitNewerFields: NewerField[];
  unknownEnumValues: DriftField[];
  namespacedErrors: boolean;
}

export function defaultSwitches(): HealthApiSwitches {
  return {
    throttleNext: 0,
    throttleRate: 0,
    throttleOperations: null,
    failNext: 0,
    failRate: 0,
    failOperations: null,
    slowMs: 0,
    subscriptionRequired: false,
    subscriptionMessage: "",
    accessDenied: [],
    expiredCredentials: false,
    expiredStatus: 400,
    omitNewerFields: [],
    unknownEnumValues: [],
    namespacedErrors: false,
  };
}

export function applySwitchPatch(current: HealthApiSwitches, patch: HealthSwitchesPatch): HealthApiSwitches {
  const all = <T>(value: boolean | T[] | undefined, every: readonly T[], previous: T[]): T[] =>
    value === undefined ? previous : value === true ? [...every] : value === false ? [] : [...value];
  const { accessDenied, omitNewerFields, unknownEnumValues, ...plain } = patch;
  const next: HealthApiSwitches = { ...current };
  for (const [key, value] of Object.entries(plain)) if (value !== undefined) Object.assign(next, { [key]: value });
  next.accessDenied = all(accessDenied, HEALTH_OPERATIONS, current.accessDenied);
  next.omitNewerFields = all(omitNewerFields, NEWER_FIELDS, current.omitNewerFields);
  next.unknownEnumValues = all(unknownEnumValues, DRIFT_FIELDS, current.unknownEnumValues);
  return next;
}

/** The error a switch injects into this call, if any; consumes throttleNext / failNext. */
export function pickInjectedError(switches: HealthApiSwitches, operation: HealthOperation, callerId: string, random: () => number): HealthApiError | null {
  if (switches.expiredCredentials) {
    return new HealthApiError("ExpiredTokenException", "The security token included in the request is expired", switches.expiredStatus);
  }
  if (switches.accessDenied.includes(operation)) {
    return new HealthApiError(
      "AccessDeniedException",
      `User: arn:aws:iam::${callerId}:user/healthdeck-simulator is not authorized to perform: health:${operation} because no identity-based policy allows the health:${operation} action`,
    );
  }
  if (switches.subscriptionRequired) return new HealthApiError("SubscriptionRequiredException", switches.subscriptionMessage);
  const applies = (operations: HealthOperation[] | null) => operations === null || operations.includes(operation);
  if (applies(switches.throttleOperations)) {
    if (switches.throttleNext > 0) {
      switches.throttleNext -= 1;
      return throttling();
    }
    if (switches.throttleRate > 0 && random() < switches.throttleRate) return throttling();
  }
  if (applies(switches.failOperations)) {
    if (switches.failNext > 0) {
      switches.failNext -= 1;
      return internalFailure();
    }
    if (switches.failRate > 0 && random() < switches.failRate) return internalFailure();
  }
  return null;
}

function throttling(): HealthApiError {
  return new HealthApiError("ThrottlingException", "Rate exceeded");
}

function internalFailure(): HealthApiError {
  return new HealthApiError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);
}

/** mulberry32: a small seeded generator, so fractional switches give the same sequence every run. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
