/**
 * Normalised records of the account-health sources (Health API poll and EventBridge push).
 * Times are epoch milliseconds. `null` in an optional field means "not known from this record":
 * merging keeps what was stored before, so a sparse EventBridge copy never erases API detail.
 */
export interface AccountEventRecord {
  arn: string;
  /** affected account; null when the source does not say (account view of the caller's own account) */
  accountId: string | null;
  service: string;
  eventTypeCode: string;
  category: string;
  region: string | null;
  availabilityZone: string | null;
  status: string;
  scope: string | null;
  startTime: number | null;
  endTime: number | null;
  lastUpdatedTime: number | null;
  description: string | null;
  metadata: Record<string, string> | null;
  actionability: string | null;
  personas: string[] | null;
  origin: "api" | "eventbridge";
}

export interface AffectedEntityRecord {
  eventArn: string;
  accountId: string | null;
  entityArn: string | null;
  entityValue: string;
  entityUrl: string | null;
  status: string;
  lastUpdatedTime: number | null;
  metadata: Record<string, string>;
}
