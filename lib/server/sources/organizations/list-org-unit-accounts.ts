import { ListAccountsForParentCommand, ListOrganizationalUnitsForParentCommand, type OrganizationsClient } from "@aws-sdk/client-organizations";
import { z } from "zod";

/** AWS nests OUs at most five deep under the root; the bounds keep a hostile or huge answer from running away. */
const MAX_DEPTH = 6;
const MAX_UNITS = 2_000;
const MAX_ACCOUNTS = 20_000;
const MAX_PAGES = 5_000;
const PAGE_SIZE = 20;

const accountsPageSchema = z.object({
  Accounts: z.array(z.object({ Id: z.string().regex(/^\d{12}$/) }).loose()).default([]),
  NextToken: z.string().min(1).max(100_000).optional(),
});
const unitsPageSchema = z.object({
  OrganizationalUnits: z.array(z.object({ Id: z.string().regex(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/) }).loose()).default([]),
  NextToken: z.string().min(1).max(100_000).optional(),
});

async function eachPage<T extends { NextToken?: string }>(fetchPage: (nextToken: string | undefined) => Promise<T>, onPage: (page: T) => void, budget: { pages: number }): Promise<void> {
  let nextToken: string | undefined;
  do {
    budget.pages += 1;
    if (budget.pages > MAX_PAGES) throw new Error(`more than ${MAX_PAGES} Organizations pages for one refresh`);
    const page = await fetchPage(nextToken);
    onPage(page);
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
}

/**
 * Every account under a root or OU, nested OUs included, with ListAccountsForParent and ListOrganizationalUnitsForParent
 * (each paged to its end). Rejects on any failure: a partial list would be a wrong scope.
 */
export async function listOrgUnitAccounts(client: OrganizationsClient, parentId: string, signal?: AbortSignal): Promise<string[]> {
  const accounts = new Set<string>();
  const seen = new Set<string>();
  const budget = { pages: 0 };
  const visit = async (id: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) throw new Error(`organization units nested deeper than ${MAX_DEPTH} under ${parentId}`);
    if (seen.has(id)) return;
    seen.add(id);
    if (seen.size > MAX_UNITS) throw new Error(`more than ${MAX_UNITS} organization units under ${parentId}`);
    await eachPage(
      async (NextToken) => accountsPageSchema.parse(await client.send(new ListAccountsForParentCommand({ ParentId: id, NextToken, MaxResults: PAGE_SIZE }), { abortSignal: signal })),
      (page) => page.Accounts.forEach((account) => accounts.add(account.Id)),
      budget,
    );
    if (accounts.size > MAX_ACCOUNTS) throw new Error(`more than ${MAX_ACCOUNTS} accounts under ${parentId}`);
    const children: string[] = [];
    await eachPage(
      async (NextToken) => unitsPageSchema.parse(await client.send(new ListOrganizationalUnitsForParentCommand({ ParentId: id, NextToken, MaxResults: PAGE_SIZE }), { abortSignal: signal })),
      (page) => page.OrganizationalUnits.forEach((unit) => children.push(unit.Id)),
      budget,
    );
    for (const child of children) await visit(child, depth + 1);
  };
  await visit(parentId, 0);
  return [...accounts].sort();
}

/** What an operator can act on, without the SDK's stack: the error's name and message. */
export function describeOrganizationsError(error: unknown): string {
  if (error instanceof z.ZodError) return "Organizations answered in an unexpected shape";
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}
