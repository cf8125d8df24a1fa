import { DescribeHealthServiceStatusForOrganizationCommand } from "@aws-sdk/client-health";
import { callHealth, type HealthCallContext } from "@/lib/server/sources/account-health/call-health";
import { classifyHealthError } from "@/lib/server/sources/account-health/classify-health-error";
import type { HealthView } from "@/lib/server/sources/account-health/list-event-pages";
import type { AccountHealthSink } from "@/lib/server/sources/account-health/account-health-sink";

export type OrgViewSetting = "auto" | "on" | "off";
export type ViewDecision = { view: HealthView } | { unavailable: string };

export interface DecideViewOptions {
  setting: OrgViewSetting;
  accountId: string;
  sink: Pick<AccountHealthSink, "getOrgStatus" | "saveOrgStatus">;
  nowMs: number;
  /** how long a DISABLED or failed status answer is trusted (a PENDING one is asked again every cycle) */
  recheckMs: number;
}

/**
 * The org-view status, or null when the answer is only a transient failure. In auto mode a refusal
 * (a standalone account, no permission: any 4xx but throttling) means "no org view", remembered.
 */
async function askOrgStatus(context: HealthCallContext, setting: OrgViewSetting, hasFallback: boolean): Promise<string | null> {
  try {
    const output = await callHealth(context, "DescribeHealthServiceStatusForOrganization", (client, options) =>
      client.send(new DescribeHealthServiceStatusForOrganizationCommand({}), options),
    );
    return output.healthServiceAccessStatusForOrganization ?? "UNKNOWN";
  } catch (error) {
    const failure = classifyHealthError(error);
    if (setting !== "auto" || failure.kind === "throttled") throw error;
    if (failure.httpStatus === null || failure.httpStatus >= 500) {
      if (hasFallback) return null;
      throw error;
    }
    return `UNAVAILABLE (${failure.code})`;
  }
}

/**
 * Org view when it is ENABLED (auto) or demanded (on); the status is cached in the store so a quiet
 * cycle costs no extra call, except while PENDING, which is asked again each cycle.
 */
export async function decideHealthView(context: HealthCallContext, options: DecideViewOptions): Promise<ViewDecision> {
  if (options.setting === "off") return { view: "account" };
  const stored = await options.sink.getOrgStatus(options.accountId);
  let status = stored?.status ?? null;
  if (status === null || status === "PENDING" || (stored && options.nowMs - stored.checkedAt >= options.recheckMs)) {
    // A transient failure keeps the last known answer (and asks again next cycle) rather than flip views.
    const fresh = await askOrgStatus(context, options.setting, status !== null);
    if (fresh !== null) {
      await options.sink.saveOrgStatus(options.accountId, fresh, options.nowMs);
      status = fresh;
    }
  }
  if (status === "ENABLED") return { view: "org" };
  if (options.setting === "on") {
    return {
      unavailable: `HEALTHDECK_ORG_VIEW=on, but the organizational view of account ${options.accountId} is ${status}; enable it from the management account (EnableHealthServiceAccessForOrganization) or set HEALTHDECK_ORG_VIEW=auto`,
    };
  }
  return { view: "account" };
}
