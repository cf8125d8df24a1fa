import { HealthClient } from "@aws-sdk/client-health";
import { SIMULATOR_ACCESS_KEY_ID, SIMULATOR_SECRET_ACCESS_KEY } from "@/lib/simulator/health-api/simulator-app-env";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

export const TEST_ACCESS_KEY_ID = SIMULATOR_ACCESS_KEY_ID;

/** The real SDK client against a simulator listener, with static fake credentials; no retries unless asked. */
export function createTestHealthClient(url: string, options: { maxAttempts?: number; region?: string; accessKeyId?: string } = {}): HealthClient {
  return new HealthClient({
    endpoint: url,
    region: options.region ?? "us-east-1",
    credentials: { accessKeyId: options.accessKeyId ?? TEST_ACCESS_KEY_ID, secretAccessKey: SIMULATOR_SECRET_ACCESS_KEY },
    maxAttempts: options.maxAttempts ?? 1,
  });
}
