import type { AccountEvent } from "@/lib/shared/account-health-contract";
import type { PublicEvent } from "@/lib/shared/public-status-contract";
import type { NotificationSource } from "@/lib/server/outputs/config/notify-config-schema";
import type { ChangeKind } from "@/lib/server/outputs/rules/read-notification-facts";

/** What a message says happened: a journal change, or a reminder of a scheduled change's start. */
export type MessageKind = ChangeKind | "reminder";

/** One change of one event, as every channel renders it: a snapshot taken in the transaction that made the change. */
export interface NotificationChange {
  kind: MessageKind;
  source: NotificationSource;
  journalId: number;
  /** ISO time of the change */
  at: string;
  eventId: string;
  isSecurity: boolean;
  /** "Amazon EC2 (N. Virginia): Increased API Error Rates" or "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED" */
  title: string;
  service: string;
  region: string | null;
  status: string;
  eventTypeCode: string | null;
  accounts: string[];
  resources: { sample: string[]; total: number };
  startedAt: string | null;
  endedAt: string | null;
  /** the newest update's text, plain */
  latestUpdate: string | null;
  /** the event's page on HEALTHDECK_PUBLIC_URL, null when that is not set */
  link: string | null;
  /** the event as the API returns it */
  event: PublicEvent | AccountEvent;
  /** set when kind is "reminder": which offset before the start this is ("1d") and the start (ISO) */
  reminder?: { offset: string; startsAt: string } | null;
}

/** Many changes of one channel folded into one message during a storm (never security events). */
export interface NotificationDigest {
  kind: "digest";
  /** ISO time the digest was made */
  at: string;
  /** the folded changes, oldest first; each keeps its own link */
  items: readonly NotificationChange[];
  /** how many changes were folded (items may list fewer when a channel's size limit cuts the list) */
  total: number;
  /** the window the changes arrived in, minutes */
  windowMinutes: number;
  /** HEALTHDECK_PUBLIC_URL's /notifications page, null when that is not set */
  link: string | null;
}

/** A channel's rendered message: a JSON body, stored with the delivery (the log shows it) and sent as is. */
export interface OutputMessage {
  body: unknown;
}
