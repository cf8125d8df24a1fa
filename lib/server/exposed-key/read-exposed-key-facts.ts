/** Event type codes whose subject is one exposed access key. */
export const EXPOSED_KEY_EVENT_CODES = ["AWS_RISK_CREDENTIALS_EXPOSED", "AWS_RISK_CREDENTIALS_EXPOSURE_SUSPECTED"] as const;

export const isExposedKeyEvent = (eventTypeCode: string) => (EXPOSED_KEY_EVENT_CODES as readonly string[]).includes(eventTypeCode);

/** The fields of a stored account event the facts are read from. */
export interface ExposedKeyEventInput {
  eventTypeCode: string;
  accountId: string | null;
  region: string | null;
  startTime: string | null;
  description: string;
  metadata: Record<string, string>;
  /** the affected entities' values: the 2016-era event names the key only there */
  entityValues: readonly string[];
}

export interface ExposedKeyFacts {
  /** full key id: server side only (IAM and CloudTrail calls); pages and the API get `maskedKeyId` */
  keyId: string | null;
  maskedKeyId: string | null;
  last4: string | null;
  userName: string | null;
  exposedUrl: string | null;
  accountId: string | null;
  /** ISO time AWS found the key (the event's start) */
  foundAt: string | null;
  /** where the event came from: metadata (2025 shape), the affected entity (2016 shape) or the description text */
  keySource: "metadata" | "entity" | "description" | null;
  /** "respond by" date AWS gives in metadata (`notifcationdateplusfour`, spelt so by AWS), ISO or as given */
  respondBy: string | null;
  supportCaseHint: string;
}

// IAM's AccessKeyId pattern is [\w]+ of 16-128 characters; the 2016 sample's entity is the placeholder ACCESS_KEY_ID_HERE.
const KEY_ID = /^\w{16,128}$/;
const KEY_IN_TEXT = /\b((?:AKIA|ASIA)[A-Z0-9]{16})\b/;
const ACCOUNT_ID = /^\d{12}$/;

const pick = (metadata: Record<string, string>, ...names: string[]) => {
  for (const name of names) {
    const value = metadata[name]?.trim();
    if (value) return value;
  }
  return null;
};

export function maskKeyId(keyId: string): string {
  return `${"*".repeat(Math.max(0, keyId.length - 4))}${keyId.slice(-4)}`;
}

function readKeyId(input: ExposedKeyEventInput): { keyId: string; source: ExposedKeyFacts["keySource"] } | null {
  const fromMetadata = pick(input.metadata, "publicKey", "accessKeyId", "AccessKeyId");
  if (fromMetadata && KEY_ID.test(fromMetadata)) return { keyId: fromMetadata, source: "metadata" };
  const fromEntity = input.entityValues.map((value) => value.trim()).find((value) => KEY_ID.test(value));
  if (fromEntity) return { keyId: fromEntity, source: "entity" };
  const fromText = KEY_IN_TEXT.exec(input.description)?.[1];
  return fromText ? { keyId: fromText, source: "description" } : null;
}

function readUrl(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** What an exposed-key event says, from every shape AWS has sent (2016 without metadata; 2025 with publicKey…). Pure. */
export function readExposedKeyFacts(input: ExposedKeyEventInput): ExposedKeyFacts {
  const key = readKeyId(input);
  const metadataAccount = pick(input.metadata, "accountId");
  const accountId = metadataAccount && ACCOUNT_ID.test(metadataAccount) ? metadataAccount : input.accountId;
  const respondBy = pick(input.metadata, "notifcationdateplusfour", "notificationdateplusfour");
  return {
    keyId: key?.keyId ?? null,
    maskedKeyId: key ? maskKeyId(key.keyId) : null,
    last4: key ? key.keyId.slice(-4) : null,
    userName: pick(input.metadata, "userName", "username", "UserName"),
    exposedUrl: readUrl(pick(input.metadata, "exposedUrl", "exposedURL")),
    accountId,
    foundAt: input.startTime,
    keySource: key?.source ?? null,
    respondBy,
    supportCaseHint: `AWS also opened a support case about this key${accountId ? ` in account ${accountId}` : ""}: read it in the AWS Support Center (it lists what AWS did, such as attaching a quarantine policy) and answer it once the key is rotated.`,
  };
}
