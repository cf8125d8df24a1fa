import type { HealthClient } from "@aws-sdk/client-health";
import { createHealthApiSimulator, type HealthApiSimulator, type HealthApiSimulatorOptions } from "@/lib/simulator/health-api/create-health-api-simulator";
import { createTestHealthClient } from "@/lib/simulator/health-api/create-test-health-client";
import { buildHealthFixtureScenario } from "@/lib/simulator/health-api/health-fixture-scenario";

export const FIXTURE_START_MS = Date.parse("2026-08-01T12:00:00Z");

export interface FixtureHarness {
  sim: HealthApiSimulator;
  client: HealthClient;
  clock: { ms: number };
  /** The fixture event's ARN by scenario id. */
  arn(id: string): string;
  close(): Promise<void>;
}

/** The fixture scenario on a real listener, stepped through `steps` steps (a minute apart), plus an SDK client. */
export async function startFixture(options: Partial<HealthApiSimulatorOptions> & { steps?: number; maxAttempts?: number } = {}): Promise<FixtureHarness> {
  const clock = { ms: FIXTURE_START_MS };
  const { steps = 2, maxAttempts, ...simOptions } = options;
  const sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario(), now: () => clock.ms, ...simOptions });
  for (let i = 0; i < steps; i += 1) {
    clock.ms += 60_000;
    sim.step();
  }
  const client = createTestHealthClient(sim.url, { maxAttempts });
  return {
    sim,
    client,
    clock,
    arn(id) {
      const arn = sim.world().idToArn.get(id);
      if (arn === undefined) throw new Error(`no event ${id}`);
      return arn;
    },
    async close() {
      client.destroy();
      await sim.close();
    },
  };
}

/** A raw awsJson1_1 call, for what the SDK hides (headers, bodies, wire numbers). */
export async function postHealth(url: string, operation: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `AWSHealth_20160804.${operation}`, ...headers },
    body,
  });
}
