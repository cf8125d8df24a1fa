export type UpstreamErrorKind = "http" | "parse" | "network" | "timeout" | "too-large" | "redirect";

export interface UpstreamErrorInit {
  kind: UpstreamErrorKind;
  url: string;
  message: string;
  status?: number | null;
  /** Defaults by kind: network and timeout are transient; http is transient for 429 and 5xx; the rest are not. */
  isTransient?: boolean;
  cause?: unknown;
}

/** The one error type for failures talking to an upstream HTTP source. */
export class UpstreamError extends Error {
  readonly kind: UpstreamErrorKind;
  readonly status: number | null;
  readonly url: string;
  readonly isTransient: boolean;

  constructor(init: UpstreamErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "UpstreamError";
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.url = init.url;
    this.isTransient = init.isTransient ?? isTransientByDefault(init.kind, this.status);
  }
}

export function isTransientHttpStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function isTransientByDefault(kind: UpstreamErrorKind, status: number | null): boolean {
  if (kind === "network" || kind === "timeout") return true;
  if (kind === "http") return status !== null && isTransientHttpStatus(status);
  return false;
}

export function isUpstreamError(value: unknown): value is UpstreamError {
  return value instanceof UpstreamError;
}
