/** The IAM permissions each part of the response needs, shown on the page and in docs/security-response.md. */
const document = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);

/** HEALTHDECK_RESPONDER_ROLE: reads the key's state and its CloudTrail trail; changes nothing. */
export const READ_ONLY_ROLE_POLICY = document([
  { Sid: "ExposedKeyState", Effect: "Allow", Action: ["iam:GetAccessKeyLastUsed", "iam:ListAccessKeys", "iam:ListAttachedUserPolicies"], Resource: "arn:aws:iam::*:user/*" },
  { Sid: "ExposedKeyTrail", Effect: "Allow", Action: ["cloudtrail:LookupEvents", "ec2:DescribeRegions"], Resource: "*" },
]);

/** HEALTHDECK_RESPONDER_ACTION_ROLE: may only switch a key off (and read its status first); never delete, never policies. */
export const ACTION_ROLE_POLICY = document([
  { Sid: "DeactivateExposedKey", Effect: "Allow", Action: ["iam:ListAccessKeys", "iam:UpdateAccessKey"], Resource: "arn:aws:iam::*:user/*" },
]);
