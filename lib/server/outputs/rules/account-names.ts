import { NotifyConfigError } from "@/lib/server/outputs/config/load-notify-config";
import type { NotifyConfig } from "@/lib/server/outputs/config/notify-config-schema";

/** Account id → name, from HEALTHDECK_ACCOUNT_NAMES. */
export type AccountNames = Readonly<Record<string, string>>;

const ACCOUNT_ID = /^\d{12}$/;

/** "Prod (123456789012)" when the account has a name, else the id as it is. */
export function labelAccount(accountId: string, names: AccountNames): string {
  const name = names[accountId];
  return name ? `${name} (${accountId})` : accountId;
}

/** Rules may name accounts; the router matches ids. A name nobody has is a mistake in the file: it stops start-up. */
export function resolveRuleAccounts(config: NotifyConfig, names: AccountNames, filePath: string): NotifyConfig {
  const idByName = new Map(Object.entries(names).map(([id, name]) => [name.toLowerCase(), id]));
  const rules = config.rules.map((rule, ruleIndex) => {
    if (!rule.accounts) return rule;
    const accounts = rule.accounts.map((value, index) => {
      if (ACCOUNT_ID.test(value)) return value;
      const id = idByName.get(value.toLowerCase());
      if (id === undefined) {
        throw new NotifyConfigError(
          `HEALTHDECK_NOTIFY_CONFIG: ${filePath}: rules.${ruleIndex}.accounts.${index}: "${value}" is neither a 12-digit account id nor a name in HEALTHDECK_ACCOUNT_NAMES`,
        );
      }
      return id;
    });
    return { ...rule, accounts };
  });
  return { ...config, rules };
}
