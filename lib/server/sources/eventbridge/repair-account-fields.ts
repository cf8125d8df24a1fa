/** Stands for an account AWS did not name in a usable form, so that the event is stored rather than lost. */
export const UNKNOWN_ACCOUNT_ID = "000000000000";

const ACCOUNT_ID = /^\d{12}$/;
const SHORT_ACCOUNT_ID = /^\d{1,11}$/;

/**
 * The accounts of an `aws.health` event, made usable without dropping it. AWS's own test templates for
 * AWS_RISK_CREDENTIALS_EXPOSED send a 10-digit `account` (an id that lost its leading zeros, as numbers do) and an
 * access key id in `detail.affectedAccount`: the first is padded back to 12 digits, the second ignored. Returns the
 * repaired copy and one warning per repair; the warnings never quote the values (a key id is not for logs).
 */
export function repairAccountFields(item: unknown): { item: unknown; warnings: string[] } {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return { item, warnings: [] };
  const envelope: Record<string, unknown> = { ...item };
  const warnings: string[] = [];

  const detail = envelope.detail;
  let hasAffectedAccount = false;
  if (typeof detail === "object" && detail !== null && !Array.isArray(detail)) {
    const affected = (detail as Record<string, unknown>).affectedAccount;
    hasAffectedAccount = typeof affected === "string" && ACCOUNT_ID.test(affected);
    if (affected !== undefined && affected !== null && affected !== "" && !hasAffectedAccount) {
      const rest: Record<string, unknown> = { ...detail };
      delete rest.affectedAccount;
      envelope.detail = rest;
      warnings.push("detail.affectedAccount is not a 12-digit account id; ignored, the event is filed under account");
    }
  }

  const account = typeof envelope.account === "number" && Number.isSafeInteger(envelope.account) ? String(envelope.account) : envelope.account;
  if (typeof account === "string" && ACCOUNT_ID.test(account)) {
    envelope.account = account;
  } else if (typeof account === "string" && SHORT_ACCOUNT_ID.test(account)) {
    envelope.account = account.padStart(12, "0");
    warnings.push(`account has ${account.length} digits; read as an id that lost its leading zeros`);
  } else {
    envelope.account = UNKNOWN_ACCOUNT_ID;
    warnings.push(`account is not a 12-digit account id; ${hasAffectedAccount ? "the event is filed under detail.affectedAccount" : `filed under ${UNKNOWN_ACCOUNT_ID}`}`);
  }
  return { item: envelope, warnings };
}
