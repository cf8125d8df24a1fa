import "server-only";
import { z } from "zod";
import { formatZodError } from "@/lib/shared/status-filter";
import { adminForm } from "@/lib/server/auth/admin-handlers";
import { recordAudit } from "@/lib/server/auth/auth-context";
import { authMessagePage } from "@/lib/server/auth/auth-flow";
import { getAuthContext } from "@/lib/server/auth/authorize";
import { writeChannelSwitch } from "@/lib/server/outputs/admin/channel-switch";
import { sendTestMessage } from "@/lib/server/outputs/admin/send-test-message";
import { claimTestSlot, keepTestResult, TEST_INTERVAL_MS } from "@/lib/server/outputs/admin/test-results";
import { readSmtpSettings } from "@/lib/server/outputs/email/smtp-settings";
import { getRuntime } from "@/lib/server/runtime/get-runtime";

const BACK = { href: "/notifications", label: "Back to notifications" };
const channelIdSchema = z.string({ error: "channel is required" }).regex(/^[A-Za-z0-9_-]{1,64}$/, "channel must be a channel id");
const testSchema = z.object({ channel: channelIdSchema });
const switchSchema = z.object({ channel: channelIdSchema, action: z.enum(["disable", "enable"], { error: "action must be disable or enable" }) });

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

function findChannel(id: string) {
  return getRuntime().notifications?.config.channels.find((channel) => channel.id === id) ?? null;
}

/** POST /notifications/test: a labelled sample through the channel's renderer and transport; the answer is shown on the page. */
export function handleNotifyTest(request: Request): Promise<Response> {
  return adminForm(request, async (principal, form, address) => {
    const input = testSchema.safeParse({ channel: form.get("channel") ?? undefined });
    if (!input.success) return authMessagePage(400, "Not sent", formatZodError(input.error), BACK);
    const channel = findChannel(input.data.channel);
    if (!channel) return authMessagePage(404, "Not sent", `There is no channel "${input.data.channel}" in the notifications file.`, BACK);
    const runtime = getRuntime();
    const now = runtime.now();
    if (!claimTestSlot(channel.id, now)) {
      return authMessagePage(429, "Too soon", `"${channel.id}" was tested less than ${TEST_INTERVAL_MS / 1000} seconds ago; wait a moment and try again.`, BACK);
    }
    const result = await sendTestMessage(channel, { publicUrl: runtime.config.HEALTHDECK_PUBLIC_URL ?? null, smtp: readSmtpSettings(runtime.config), now, requestedBy: `${principal.name} from /notifications` });
    const outcome = `${result.ok ? "sent" : "failed"}: ${result.answered}${result.error ? ` (${result.error})` : ""}`;
    await recordAudit(getAuthContext(), { at: now, actor: principal.name, action: "notify.test", subject: channel.id, detail: outcome, address });
    return seeOther(`/notifications?test=${keepTestResult(result)}#channel-${channel.id}`);
  });
}

/** POST /notifications/channel: an admin turns a channel off (no new deliveries) or on again; kept in the store. */
export function handleChannelSwitch(request: Request): Promise<Response> {
  return adminForm(request, async (principal, form, address) => {
    const input = switchSchema.safeParse({ channel: form.get("channel") ?? undefined, action: form.get("action") ?? undefined });
    if (!input.success) return authMessagePage(400, "Not changed", formatZodError(input.error), BACK);
    const channel = findChannel(input.data.channel);
    if (!channel) return authMessagePage(404, "Not changed", `There is no channel "${input.data.channel}" in the notifications file.`, BACK);
    const runtime = getRuntime();
    const at = runtime.now();
    const isDisabled = input.data.action === "disable";
    await runtime.store.write((tx) => writeChannelSwitch(tx.meta, channel.id, { isDisabled, by: principal.name, at }));
    await recordAudit(getAuthContext(), {
      at,
      actor: principal.name,
      action: isDisabled ? "notify.channel-disabled" : "notify.channel-enabled",
      subject: channel.id,
      detail: channel.security ? "a security channel: security events do not reach it while it is disabled" : null,
      address,
    });
    return seeOther(`/notifications#channel-${channel.id}`);
  });
}
