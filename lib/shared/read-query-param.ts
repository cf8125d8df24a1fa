/** Query input as Next hands it to pages (a record) or as the browser has it (URLSearchParams). No zod here: the
 * browser reads URLs with it on pages that must not load zod. */
export type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** One parameter as a string; repeated parameters are joined with commas, like a comma list. */
export function readQueryParam(input: QueryInput, name: string): string | undefined {
  if (input instanceof URLSearchParams) {
    const values = input.getAll(name);
    return values.length === 0 ? undefined : values.join(",");
  }
  const value = input[name];
  return Array.isArray(value) ? value.join(",") : value;
}
