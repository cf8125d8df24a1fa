import type { IncomingMessage, ServerResponse } from "node:http";
import type { AccountWorld } from "@/lib/simulator/account-world";
import { createPaginator } from "@/lib/simulator/health-api/pagination-token";
import { createOrganizationTree, type OrganizationTree } from "@/lib/simulator/organizations/organization-tree";
import { defaultOrganizationsSwitches, handleOrganizationsRequest, type OrganizationsSwitches } from "@/lib/simulator/organizations/handle-organizations-request";

/** AWS Organizations on the Health API simulator's listener: the tree, its fault switches and call counts. */
export interface OrganizationsSimulation {
  tree: OrganizationTree;
  switches(): OrganizationsSwitches;
  setSwitches(patch: Partial<OrganizationsSwitches>): void;
  /** calls by operation since the last reset */
  calls(): Record<string, number>;
  reset(): void;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function createOrganizationsSimulation(options: { world: () => AccountWorld; accessKeys: Readonly<Record<string, string>>; maxBodyBytes: number; now: () => number }): OrganizationsSimulation {
  const tree = createOrganizationTree(options.world);
  const switches = defaultOrganizationsSwitches();
  const calls = new Map<string, number>();
  const deps = {
    world: options.world,
    tree,
    switches,
    paginator: createPaginator({ now: options.now }),
    accessKeys: options.accessKeys,
    maxBodyBytes: options.maxBodyBytes,
    countCall: (operation: string) => calls.set(operation, (calls.get(operation) ?? 0) + 1),
  };
  return {
    tree,
    switches: () => ({ ...switches }),
    setSwitches: (patch) => Object.assign(switches, patch),
    calls: () => Object.fromEntries(calls),
    reset() {
      tree.reset();
      Object.assign(switches, defaultOrganizationsSwitches());
      calls.clear();
    },
    handle: (req, res) => handleOrganizationsRequest(req, res, deps),
  };
}
