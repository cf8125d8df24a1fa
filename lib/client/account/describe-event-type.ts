const ACRONYMS = new Set([
  "ACM", "AMI", "API", "AZ", "CPU", "DNS", "EBS", "EC2", "ECR", "ECS", "EFS", "EKS", "ELB", "EMR", "IAM", "IP", "KMS",
  "MQ", "MSK", "RDS", "S3", "SES", "SNS", "SQS", "SSL", "TLS", "VPC", "VPN",
]);

const SPECIAL_CASE: Record<string, string> = { DOS: "DoS", DDOS: "DDoS", IPV6: "IPv6", MYSQL: "MySQL", POSTGRESQL: "PostgreSQL", NODEJS: "Node.js" };

/** `AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED` → `EC2 instance retirement scheduled`; unknown codes still read well. */
export function describeEventType(eventTypeCode: string): string {
  const words = eventTypeCode
    .replace(/^AWS_/i, "")
    .split(/[_\s]+/)
    .filter((word) => word.length > 0)
    .map((word) => SPECIAL_CASE[word.toUpperCase()] ?? (ACRONYMS.has(word.toUpperCase()) ? word.toUpperCase() : word.toLowerCase()));
  if (words.length === 0) return eventTypeCode;
  const [first = "", ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(" ");
}

const CATEGORY_LABELS: Record<string, string> = {
  issue: "Issue",
  investigation: "Investigation",
  scheduledChange: "Scheduled change",
  accountNotification: "Account notification",
};

export function labelCategory(category: string): string {
  return CATEGORY_LABELS[category] ?? (category === "" ? "Unknown category" : category);
}

/** The first non-empty line of an event description, for one-line previews. */
export function firstLine(description: string, maxLength = 160): string {
  const line = description.split(/\r?\n/).map((part) => part.trim()).find((part) => part.length > 0) ?? "";
  return line.length > maxLength ? `${line.slice(0, maxLength - 1).trimEnd()}…` : line;
}

export { formatCount } from "@/lib/client/format-count";
