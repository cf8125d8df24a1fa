import { randomUUID } from "node:crypto";
import type { ActionRecord, KeyStateView } from "@/lib/shared/exposed-key-contract";
import type { Logger } from "@/lib/server/logging/create-logger";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";
import { deactivateAccessKey } from "@/lib/server/sources/exposed-key/deactivate-access-key";
import type { ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";
import { readKeyState } from "@/lib/server/sources/exposed-key/read-key-state";
import { enqueueSecurityNotice, type SecurityNoticeDeps } from "@/lib/server/exposed-key/enqueue-security-notice";
import type { ExposedKeyGuard } from "@/lib/server/exposed-key/exposed-key-guard";
import { loadExposedKeyEvent } from "@/lib/server/exposed-key/load-exposed-key-event";
import type { ResponderFailure } from "@/lib/server/exposed-key/create-lookup-runner";
import { readPersistedExposedKey, updatePersistedExposedKey } from "@/lib/server/exposed-key/persisted-exposed-key";
import { toKeyStateView } from "@/lib/server/exposed-key/to-exposed-key-view";

export type DeactivateAnswer = { ok: true; action: ActionRecord } | ResponderFailure;

export interface KeyDeactivationDeps {
  store: HealthdeckStore;
  logger: Logger;
  now: () => number;
  settings: ExposedKeySourceSettings;
  guard: ExposedKeyGuard;
  notice: SecurityNoticeDeps;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The guarded action: authorised by the guard, confirmed by the key's last 4 characters, audited before and after. */
export function createKeyDeactivation(deps: KeyDeactivationDeps) {
  const { guard, now } = deps;
  return async function deactivate(eventId: string, confirm: string, request: Request): Promise<DeactivateAnswer> {
    const decision = await guard.authorize(request);
    const loaded = await loadExposedKeyEvent(deps.store, eventId);
    const masked = loaded?.facts.maskedKeyId ?? null;
    const audit = (result: ActionRecord["result"] | "attempt", reason: string | null) =>
      guard.audit({ at: now(), actor: decision.actor, action: "exposed-key.deactivate", eventId, result, maskedKeyId: masked, reason });
    await audit("attempt", null);
    if (!decision.allowed) {
      await audit("refused", decision.reason);
      return { ok: false, status: decision.status, message: decision.reason };
    }
    if (!loaded) {
      await audit("refused", "no such exposed-key event");
      return { ok: false, status: 404, message: "no such exposed-key event" };
    }
    const { facts } = loaded;
    if (!facts.keyId || !facts.last4 || !facts.accountId) {
      await audit("refused", "the event names no access key id or account");
      return { ok: false, status: 409, message: "the event names no access key id or account: nothing to deactivate" };
    }
    if (confirm.trim().toUpperCase() !== facts.last4.toUpperCase()) {
      await audit("refused", "confirmation did not match the key's last 4 characters");
      return { ok: false, status: 400, message: `confirm must be the last 4 characters of the key id (${facts.maskedKeyId})` };
    }
    let keyState: KeyStateView | null = (await readPersistedExposedKey(deps.store, eventId))?.keyState ?? null;
    let userName = facts.userName ?? keyState?.userName ?? null;
    if (!userName) {
      keyState = toKeyStateView(await readKeyState(deps.settings, { accountId: facts.accountId, keyId: facts.keyId, userName: null, now: now() }));
      userName = keyState.userName;
    }
    const outcome = userName
      ? await deactivateAccessKey(deps.settings, { accountId: facts.accountId, keyId: facts.keyId, userName })
      : ({ result: "failed", problem: { kind: "not-found", reason: "the key's user is unknown (the event names none and IAM did not say)" } } as const);
    const reason = outcome.result === "failed" ? outcome.problem.reason : null;
    const action: ActionRecord = { id: randomUUID(), at: new Date(now()).toISOString(), actor: decision.actor, action: "deactivate", result: outcome.result, reason };
    const isInactive = outcome.result !== "failed";
    await updatePersistedExposedKey(deps.store, eventId, (current) => {
      const state = current.keyState ?? keyState;
      return { ...current, actions: [action, ...current.actions], keyState: state && isInactive ? { ...state, status: "Inactive", checkedAt: new Date(now()).toISOString() } : state };
    }).catch((error: unknown) => deps.logger.warn("exposed-key state not stored", { eventId, error: errorText(error) }));
    await audit(outcome.result, reason);
    const said = outcome.result === "deactivated" ? "deactivated (iam:UpdateAccessKey Status=Inactive)" : outcome.result === "already-inactive" ? "was already inactive" : `could not be deactivated: ${reason}`;
    const text = `Exposed key ${facts.maskedKeyId} ${said}, by ${decision.actor}. Next: rotate the key's users' credentials and review the AWS support case.`;
    await enqueueSecurityNotice(deps.notice, { eventId, kind: "exposed-key-action", noticeId: action.id, text }).catch((error: unknown) =>
      deps.logger.warn("exposed-key action notice not queued", { eventId, error: errorText(error) }),
    );
    return { ok: true, action };
  };
}
