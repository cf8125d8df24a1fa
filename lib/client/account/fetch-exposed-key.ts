import type { ExposedKeyResponse } from "@/lib/shared/exposed-key-contract";
import { fetchValidatedJson } from "@/lib/client/fetch-status-response";

const loadSchema = () => import("@/lib/shared/exposed-key-contract").then((contract) => contract.exposedKeyResponseSchema);

export function buildExposedKeyKey(eventId: string): string {
  return `/api/v1/account/events/${encodeURIComponent(eventId)}/exposed-key`;
}

export function fetchExposedKey(url: string): Promise<ExposedKeyResponse> {
  return fetchValidatedJson(url, loadSchema);
}

/** POSTs an action; resolves to the server's message (its `error` when refused) and whether it was accepted. */
export async function postExposedKeyAction(eventId: string, body: unknown): Promise<{ ok: boolean; status: number; message: string | null; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(buildExposedKeyKey(eventId), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, message: "Healthdeck could not be reached; nothing was done.", body: null };
  }
  const json: unknown = await response.json().catch(() => null);
  const error = typeof json === "object" && json !== null && "error" in json && typeof json.error === "string" ? json.error : null;
  return { ok: response.ok, status: response.status, message: error, body: json };
}
