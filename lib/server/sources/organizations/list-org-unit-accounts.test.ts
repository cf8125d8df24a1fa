import { MoveAccountCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHealthApiSimulator, type HealthApiSimulator } from "@/lib/simulator/health-api/create-health-api-simulator";
import { buildHealthFixtureScenario, MANAGEMENT, MEMBER, NO_PLAN } from "@/lib/simulator/health-api/health-fixture-scenario";
import { SIMULATOR_SECRET_ACCESS_KEY } from "@/lib/simulator/health-api/simulator-app-env";
import { SANDBOX_OU_ID, SIM_ROOT_ID, WORKLOADS_OU_ID } from "@/lib/simulator/organizations/organization-tree";
import { describeOrganizationsError, listOrgUnitAccounts } from "@/lib/server/sources/organizations/list-org-unit-accounts";
import { createOrganizationsClient } from "@/lib/server/sources/organizations/create-organizations-client";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

let sim: HealthApiSimulator;
let management: OrganizationsClient;
let member: OrganizationsClient;
const clientAs = (accessKeyId: string) =>
  createOrganizationsClient({ credentials: { accessKeyId, secretAccessKey: SIMULATOR_SECRET_ACCESS_KEY }, endpoint: sim.url, requestTimeoutMs: 5_000, userAgent: "healthdeck-test" });

beforeAll(async () => {
  sim = await createHealthApiSimulator({ scenario: buildHealthFixtureScenario(), accessKeys: { AKIDMEMBER: MEMBER } });
  management = clientAs("AKIDMANAGEMENT");
  member = clientAs("AKIDMEMBER");
});
beforeEach(() => sim.organizations.reset());
afterAll(async () => {
  management.destroy();
  member.destroy();
  await sim.close();
});

const failureOf = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a failure"); }, (error: unknown) => describeOrganizationsError(error));

describe("listOrgUnitAccounts against the simulator's Organizations (JSON 1.1 over HTTP, the real SDK client)", () => {
  it("gathers an OU's accounts with its nested OUs', and the root's whole organization", async () => {
    expect(await listOrgUnitAccounts(management, SANDBOX_OU_ID)).toEqual([NO_PLAN]);
    expect(await listOrgUnitAccounts(management, WORKLOADS_OU_ID)).toEqual([MEMBER, NO_PLAN]);
    expect(await listOrgUnitAccounts(management, SIM_ROOT_ID)).toEqual([MANAGEMENT, MEMBER, NO_PLAN]);
    expect(sim.organizations.calls()).toMatchObject({ ListAccountsForParent: 6, ListOrganizationalUnitsForParent: 6 });
  });

  it("follows NextToken to the end when each page holds one item", async () => {
    sim.organizations.tree.addUnit({ id: "ou-sim0-extraone", name: "Extra", parentId: WORKLOADS_OU_ID });
    sim.organizations.setSwitches({ pageCap: 1 });
    expect(await listOrgUnitAccounts(management, SIM_ROOT_ID)).toEqual([MANAGEMENT, MEMBER, NO_PLAN]);
    // Workloads has two child OUs: a second page of ListOrganizationalUnitsForParent was asked for it.
    expect(sim.organizations.calls().ListOrganizationalUnitsForParent).toBe(5);
  });

  it("sees an account moved with MoveAccount on the next resolution", async () => {
    await management.send(new MoveAccountCommand({ AccountId: MEMBER, SourceParentId: WORKLOADS_OU_ID, DestinationParentId: SANDBOX_OU_ID }));
    expect(await listOrgUnitAccounts(management, SANDBOX_OU_ID)).toEqual([MEMBER, NO_PLAN]);
    await expect(management.send(new MoveAccountCommand({ AccountId: MEMBER, SourceParentId: WORKLOADS_OU_ID, DestinationParentId: SIM_ROOT_ID }))).rejects.toMatchObject({ name: "SourceParentNotFoundException" });
  });

  it("rejects, never answers partly, on AWS's errors: not in an organization, access denied, unknown parent, throttling", async () => {
    expect(await failureOf(listOrgUnitAccounts(member, WORKLOADS_OU_ID))).toBe("AccessDeniedException: You don't have permissions to access this resource.");
    expect(await failureOf(listOrgUnitAccounts(management, "ou-sim0-notthere"))).toMatch(/^ParentNotFoundException: /);
    sim.organizations.setSwitches({ notInUse: true });
    expect(await failureOf(listOrgUnitAccounts(management, WORKLOADS_OU_ID))).toBe("AWSOrganizationsNotInUseException: Your account is not a member of an organization.");
    sim.organizations.setSwitches({ notInUse: false, accessDenied: true });
    expect(await failureOf(listOrgUnitAccounts(management, WORKLOADS_OU_ID))).toMatch(/^AccessDeniedException/);
  });

  it("answers the wire shape AWS does: x-amz-json-1.1, __type and Message, InvalidInputException for a bad MaxResults", async () => {
    const post = (body: unknown) =>
      fetch(`${sim.url}/`, { method: "POST", headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSOrganizationsV20161128.ListAccountsForParent" }, body: JSON.stringify(body) });
    const page = await post({ ParentId: SANDBOX_OU_ID });
    expect(page.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(await page.json()).toMatchObject({ Accounts: [{ Id: NO_PLAN, Status: "ACTIVE", Arn: expect.stringMatching(/^arn:aws:organizations::111111111111:account\/o-/) }] });
    const invalid = await post({ ParentId: SANDBOX_OU_ID, MaxResults: 21 });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ __type: "InvalidInputException", Message: expect.any(String) });
  });
});
