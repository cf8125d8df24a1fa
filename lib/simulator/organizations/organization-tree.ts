import { managementAccountId, type AccountWorld, type SimAccount } from "@/lib/simulator/account-world";

/**
 * The simulated organization's tree, over the world's accounts. Demo shape: the management account at the root,
 * a "Workloads" OU under it and a "Sandbox" OU nested in Workloads; the other accounts alternate between the two
 * (the demo's staging in Workloads, sandbox in Sandbox). MoveAccount changes a placement.
 */
export const SIM_ROOT_ID = "r-sim0";
export const SIM_ORGANIZATION_ID = "o-sim0healthdk";
export const WORKLOADS_OU_ID = "ou-sim0-workload";
export const SANDBOX_OU_ID = "ou-sim0-sandbox1";

export interface SimOrgUnit {
  id: string;
  name: string;
  parentId: string;
}

export interface OrganizationTree {
  rootId: string;
  units(): SimOrgUnit[];
  /** "root" or an OU id → whether it exists */
  hasParent(id: string): boolean;
  childUnits(parentId: string): SimOrgUnit[];
  accountsIn(parentId: string): SimAccount[];
  parentOf(accountId: string): string | null;
  move(accountId: string, destinationId: string): void;
  addUnit(unit: SimOrgUnit): void;
  reset(): void;
}

const DEFAULT_UNITS: readonly SimOrgUnit[] = [
  { id: WORKLOADS_OU_ID, name: "Workloads", parentId: SIM_ROOT_ID },
  { id: SANDBOX_OU_ID, name: "Sandbox", parentId: WORKLOADS_OU_ID },
];

export function createOrganizationTree(world: () => AccountWorld): OrganizationTree {
  const units = new Map<string, SimOrgUnit>();
  const moved = new Map<string, string>();
  const reset = () => {
    units.clear();
    moved.clear();
    for (const unit of DEFAULT_UNITS) units.set(unit.id, { ...unit });
  };
  reset();

  const defaultParent = (accountId: string): string | null => {
    const served = world();
    if (accountId === managementAccountId(served)) return SIM_ROOT_ID;
    const members = served.accounts.filter((account) => !account.management);
    const position = members.findIndex((account) => account.id === accountId);
    if (position < 0) return null;
    return position % 2 === 0 ? WORKLOADS_OU_ID : SANDBOX_OU_ID;
  };
  const parentOf = (accountId: string) => {
    const placed = moved.get(accountId) ?? defaultParent(accountId);
    return placed !== null && (placed === SIM_ROOT_ID || units.has(placed)) ? placed : defaultParent(accountId);
  };

  return {
    rootId: SIM_ROOT_ID,
    units: () => [...units.values()],
    hasParent: (id) => id === SIM_ROOT_ID || units.has(id),
    childUnits: (parentId) => [...units.values()].filter((unit) => unit.parentId === parentId),
    accountsIn: (parentId) => world().accounts.filter((account) => parentOf(account.id) === parentId),
    parentOf,
    move(accountId, destinationId) {
      moved.set(accountId, destinationId);
    },
    addUnit(unit) {
      units.set(unit.id, { ...unit });
    },
    reset,
  };
}
