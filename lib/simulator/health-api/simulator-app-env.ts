/** Fake credentials for the app under the simulator: the fake accepts any signature, the SDK just needs keys to sign. */
export const SIMULATOR_ACCESS_KEY_ID = "AKIDSIMULATOR";
export const SIMULATOR_SECRET_ACCESS_KEY = "simulator-secret-access-key";

/** The environment that points Healthdeck's account-health source (the SDK's standard variables) at the fake, STS, SNS and Organizations included. */
export function buildHealthApiAppEnv(healthApiUrl: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_HEALTH: healthApiUrl,
    AWS_ENDPOINT_URL_STS: healthApiUrl,
    AWS_ENDPOINT_URL_SNS: healthApiUrl,
    AWS_ENDPOINT_URL_ORGANIZATIONS: healthApiUrl,
    AWS_ENDPOINT_URL_CLOUDTRAIL: `${healthApiUrl}/cloudtrail`,
    AWS_ENDPOINT_URL_IAM: `${healthApiUrl}/iam`,
    AWS_ENDPOINT_URL_EC2: `${healthApiUrl}/ec2`,
    AWS_ACCESS_KEY_ID: SIMULATOR_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: SIMULATOR_SECRET_ACCESS_KEY,
    AWS_REGION: "us-east-1",
  };
}
