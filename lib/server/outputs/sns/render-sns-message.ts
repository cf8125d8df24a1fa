import type { NotificationChange, NotificationDigest } from "@/lib/server/outputs/notification-change";
import { renderDigestPlainText, renderPlainText } from "@/lib/server/outputs/render-plain-text";
import { renderDigestSubjectLine, renderSubjectLine } from "@/lib/server/outputs/render-subject-line";

/** SNS Publish limits: a Subject of ASCII under 100 characters; the Message and its attributes within 256 KB. */
export const SNS_LIMITS = { subjectChars: 99, messageBytes: 256 * 1024, attributeChars: 256, accounts: 100 } as const;

export type SnsAttribute = { DataType: "String" | "String.Array"; StringValue: string };
/** What is stored with the delivery and published as is. */
export interface SnsMessage {
  subject: string;
  message: string;
  attributes: Record<string, SnsAttribute>;
}

/** ASCII without control characters: accents folded (é → e), anything else "?", cut with "...". */
export function toSnsSubject(line: string): string {
  const ascii = line
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2026]/g, "...")
    .replace(/[^\x20-\x7e]/g, "?")
    .trim();
  return ascii.length <= SNS_LIMITS.subjectChars ? ascii : `${ascii.slice(0, SNS_LIMITS.subjectChars - 3)}...`;
}

/** Cuts to at most `maxBytes` of UTF-8 on a character boundary, saying so. */
export function cutUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const note = "\n…(cut to fit SNS's 256 KB)";
  const room = maxBytes - Buffer.byteLength(note, "utf8");
  let cut = Buffer.from(text, "utf8").subarray(0, Math.max(0, room)).toString("utf8");
  // A split multi-byte character decodes to U+FFFD; drop it.
  while (cut.endsWith("\uFFFD") && Buffer.byteLength(cut, "utf8") > 0) cut = cut.slice(0, -1);
  return `${cut}${note}`;
}

const string = (value: string): SnsAttribute => ({ DataType: "String", StringValue: value.slice(0, SNS_LIMITS.attributeChars) });

/** Account ids only (filter policies match ids), from display strings such as "123456789012 (prod)". */
function readAccountIds(change: NotificationChange): string[] {
  const ids = new Set<string>();
  if ("accountId" in change.event && change.event.accountId) ids.add(change.event.accountId);
  for (const account of change.accounts) for (const id of account.match(/\b\d{12}\b/g) ?? []) ids.add(id);
  return [...ids].slice(0, SNS_LIMITS.accounts);
}

const categoryOf = (change: NotificationChange) => ("category" in change.event ? change.event.category : "issue");

const attributesSize = (attributes: Record<string, SnsAttribute>) =>
  Object.entries(attributes).reduce((sum, [name, value]) => sum + Buffer.byteLength(name + value.DataType + value.StringValue, "utf8"), 0);

/** Message attributes for subscription filter policies: String values, and the account ids as String.Array. */
export function readSnsAttributes(change: NotificationChange): Record<string, SnsAttribute> {
  const attributes: Record<string, SnsAttribute> = {
    source: string(change.source),
    kind: string(change.kind),
    service: string(change.service),
    region: string(change.region ?? "global"),
    category: string(categoryOf(change)),
    security: string(change.isSecurity ? "true" : "false"),
  };
  if (change.eventTypeCode) attributes.eventTypeCode = string(change.eventTypeCode);
  const accounts = readAccountIds(change);
  if (accounts.length > 0) attributes.accounts = { DataType: "String.Array", StringValue: JSON.stringify(accounts) };
  return attributes;
}

/** One change for an SNS topic: ASCII subject, plain-text message, filterable attributes. Pure. */
export function renderSnsMessage(change: NotificationChange): SnsMessage {
  const attributes = readSnsAttributes(change);
  return { subject: toSnsSubject(renderSubjectLine(change)), message: cutUtf8(renderPlainText(change), SNS_LIMITS.messageBytes - attributesSize(attributes)), attributes };
}

export function renderSnsDigest(digest: NotificationDigest): SnsMessage {
  const attributes = { source: string("healthdeck"), kind: string("digest"), security: string("false") };
  return { subject: toSnsSubject(renderDigestSubjectLine(digest)), message: cutUtf8(renderDigestPlainText(digest), SNS_LIMITS.messageBytes - attributesSize(attributes)), attributes };
}
