import type { z } from "zod";
import type { AccountScenarioAction, EntityGenerator, EntityInput, ScenarioAccount } from "@/lib/simulator/account-scenario-schema";
import type { ScenarioAction } from "@/lib/simulator/scenario-schema";

type AccountLifecycle = "open" | "closed" | "mirror";

const ALLOWED_FROM: Record<AccountScenarioAction["type"], ReadonlyArray<AccountLifecycle | undefined>> = {
  "open-account-event": [undefined],
  "update-account-event": ["open", "closed"],
  "close-account-event": ["open"],
  "add-affected-entities": ["open", "closed", "mirror"],
  "update-entities": ["open", "closed", "mirror"],
};

/**
 * Account event ids live in their own namespace; a public `open-event` with `accountImpact` claims its id there
 * until it expires. Account events open once, may be updated after closing, and mirrors change only their entities.
 */
export function checkAccountLifecycles(
  scenario: { accounts?: ScenarioAccount[]; steps: Array<{ actions: ScenarioAction[] }> },
  ctx: z.RefinementCtx,
): void {
  const states = new Map<string, AccountLifecycle>();
  const declared = scenario.accounts ? new Set(scenario.accounts.map((account) => account.id)) : null;
  checkDeclaredAccounts(scenario.accounts ?? [], ctx);
  scenario.steps.forEach((step, stepIndex) => {
    step.actions.forEach((action, actionIndex) => {
      const path = ["steps", stepIndex, "actions", actionIndex];
      const problem = nextState(states, action);
      if (problem) ctx.addIssue({ code: "custom", path, message: problem });
      if (declared) {
        for (const account of referencedAccounts(action)) {
          if (!declared.has(account)) ctx.addIssue({ code: "custom", path, message: `account ${account} is not declared in "accounts"` });
        }
      }
    });
  });
}

function nextState(states: Map<string, AccountLifecycle>, action: ScenarioAction): string | null {
  const current = states.get(action.id);
  if (action.type === "open-event") {
    if (!action.accountImpact) return null;
    if (current !== undefined) return `open-event "${action.id}" with accountImpact clashes with account event "${action.id}" (${current})`;
    states.set(action.id, "mirror");
    return null;
  }
  if (action.type === "expire-event") {
    if (current === "mirror") states.delete(action.id);
    return null;
  }
  if (!isAccountAction(action)) return null;
  if (!ALLOWED_FROM[action.type].includes(current)) {
    const described = current === "mirror" ? "mirrors a public event" : `is ${current ?? "not opened"}`;
    return `${action.type} "${action.id}" is not allowed when the account event ${described}`;
  }
  if (action.type === "open-account-event") states.set(action.id, "open");
  if (action.type === "close-account-event") states.set(action.id, "closed");
  if (action.type === "update-account-event" && action.status !== undefined) {
    states.set(action.id, action.status === "closed" ? "closed" : "open");
  }
  return null;
}

function isAccountAction(action: ScenarioAction): action is AccountScenarioAction {
  return Object.hasOwn(ALLOWED_FROM, action.type);
}

function checkDeclaredAccounts(accounts: ScenarioAccount[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  accounts.forEach((account, index) => {
    if (seen.has(account.id)) ctx.addIssue({ code: "custom", path: ["accounts", index, "id"], message: `account ${account.id} is declared twice` });
    seen.add(account.id);
  });
  if (accounts.filter((account) => account.management).length > 1) {
    ctx.addIssue({ code: "custom", path: ["accounts"], message: "at most one account can be the management account" });
  }
}

function referencedAccounts(action: ScenarioAction): string[] {
  const fromEntities = (source: { entities?: EntityInput[]; generate?: EntityGenerator; accounts?: string[] }) => [
    ...(source.accounts ?? []),
    ...(source.entities ?? []).flatMap((entity) => (entity.account ? [entity.account] : [])),
    ...(source.generate?.accounts ?? []),
  ];
  switch (action.type) {
    case "open-event":
      return action.accountImpact ? fromEntities(action.accountImpact) : [];
    case "open-account-event":
    case "add-affected-entities":
      return fromEntities(action);
    case "update-account-event":
      return action.accounts ?? [];
    case "update-entities":
      return action.changes.flatMap((change) => (change.account ? [change.account] : []));
    default:
      return [];
  }
}
