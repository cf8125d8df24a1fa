import type { OrganizationsClient } from "@aws-sdk/client-organizations";
import type { HealthdeckConfig } from "@/lib/server/config/config-schema";
import type { Logger } from "@/lib/server/logging/create-logger";
import type { PollJob } from "@/lib/server/poller/create-poller";
import { listOrgUnitEntries, ORG_UNITS_META, readOrgUnitMembership, type OrgUnitMembership } from "@/lib/server/auth/org-unit-scopes";
import { readAccountHealthSettings } from "@/lib/server/sources/account-health/account-health-settings";
import { createAccountTargets, type AccountCredentialDeps } from "@/lib/server/sources/account-health/resolve-account-targets";
import { createOrganizationsClient } from "@/lib/server/sources/organizations/create-organizations-client";
import { describeOrganizationsError, listOrgUnitAccounts } from "@/lib/server/sources/organizations/list-org-unit-accounts";
import type { HealthdeckStore } from "@/lib/server/store/healthdeck-store";

export const ORG_UNITS_JOB_ID = "org-units";

export interface OrgUnitsJobInput {
  config: HealthdeckConfig;
  store: HealthdeckStore;
  logger: Logger;
  now: () => number;
  userAgent: string;
  /** the organization view's credentials (the default chain, or HEALTHDECK_ASSUME_ROLES); tests give static keys */
  credentials?: AccountCredentialDeps;
  /** default process.env: AWS_ENDPOINT_URL_ORGANIZATIONS and AWS_ENDPOINT_URL_STS */
  env?: Record<string, string | undefined>;
}

/**
 * Resolves the roots and OUs named in HEALTHDECK_ACCOUNT_GROUPS to their accounts, leader-only like polling, and keeps
 * them in the store for every replica. Asked with the organization view's credentials: the default chain, else each
 * assumed role in turn until one answers (the management account or a delegated administrator). A unit that fails
 * keeps its last accounts only until they are stale (lib/server/auth/auth-context.ts orgUnitMaxAgeMs). Null when no
 * unit is named.
 */
export function createOrgUnitsJob(input: OrgUnitsJobInput): PollJob | null {
  const units = listOrgUnitEntries(input.config.HEALTHDECK_ACCOUNT_GROUPS);
  if (units.length === 0) return null;
  const env = input.env ?? process.env;
  const settings = readAccountHealthSettings(input.config, env);
  const endpoint = env.AWS_ENDPOINT_URL_ORGANIZATIONS?.trim() || null;
  const targets = createAccountTargets(settings.roleArns, input.credentials ?? {}, { endpoint: settings.stsEndpoint }, settings.defaultAccountId);
  const clients = new Map<string, OrganizationsClient>();
  const clientFor = (target: (typeof targets)[number]) => {
    let client = clients.get(target.key);
    if (!client) {
      client = createOrganizationsClient({ credentials: target.credentials, endpoint, requestTimeoutMs: input.config.HEALTHDECK_HTTP_TIMEOUT_SECONDS * 1000, userAgent: input.userAgent });
      clients.set(target.key, client);
    }
    return client;
  };

  async function resolveUnit(unitId: string, signal: AbortSignal): Promise<{ accounts: string[] } | { error: string }> {
    let error = "no credentials to ask AWS Organizations with";
    for (const target of targets) {
      try {
        return { accounts: await listOrgUnitAccounts(clientFor(target), unitId, signal) };
      } catch (failure) {
        signal.throwIfAborted();
        error = `${target.roleArn ?? "default credentials"}: ${describeOrganizationsError(failure)}`;
      }
    }
    return { error };
  }

  return {
    id: ORG_UNITS_JOB_ID,
    intervalMs: input.config.HEALTHDECK_OU_REFRESH_SECONDS * 1000,
    timeoutMs: 5 * 60_000,
    async run(signal) {
      const previous = await readOrgUnitMembership(input.store);
      const next: OrgUnitMembership = { units: {} };
      for (const unitId of units) {
        const outcome = await resolveUnit(unitId, signal);
        const checkedAt = input.now();
        const before = previous.units[unitId];
        if ("accounts" in outcome) {
          next.units[unitId] = { accounts: outcome.accounts, resolvedAt: checkedAt, error: null, checkedAt };
          if (before?.accounts?.join() !== outcome.accounts.join()) input.logger.info("organization unit accounts", { unit: unitId, accounts: outcome.accounts.length });
          continue;
        }
        next.units[unitId] = { accounts: before?.accounts ?? null, resolvedAt: before?.resolvedAt ?? null, error: outcome.error, checkedAt };
        input.logger.warn("organization unit not resolved: it grants its last accounts only until they are stale, then nothing", {
          unit: unitId,
          error: outcome.error,
          lastResolvedAt: before?.resolvedAt ? new Date(before.resolvedAt).toISOString() : null,
        });
      }
      await input.store.write((tx) => tx.meta.set(ORG_UNITS_META, JSON.stringify(next)), { fenced: true });
    },
  };
}
