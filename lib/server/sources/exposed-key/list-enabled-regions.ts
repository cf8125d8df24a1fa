import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { clientConfig, credentialsFor } from "@/lib/server/sources/exposed-key/responder-credentials";
import type { ExposedKeySourceSettings } from "@/lib/server/sources/exposed-key/exposed-key-settings";

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** The regions enabled in the account (ec2:DescribeRegions answers only those unless AllRegions is set). */
export async function listEnabledRegions(settings: ExposedKeySourceSettings, accountId: string): Promise<string[]> {
  const ec2 = new EC2Client(clientConfig(settings, "us-east-1", credentialsFor(settings, settings.readRoleTemplate, accountId), settings.endpoints.ec2));
  try {
    const answer = await ec2.send(new DescribeRegionsCommand({}));
    return (answer.Regions ?? []).map((region) => region.RegionName ?? "").filter((name) => REGION.test(name)).sort();
  } finally {
    ec2.destroy();
  }
}
