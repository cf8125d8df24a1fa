import type { EntityRowColumns } from "@/lib/client/account/entity-rows";

/**
 * Every row's value, ARN and account, lowercased, in one string: fields separated by NUL and rows by a newline, so a
 * search is one native `indexOf` scan of a few megabytes instead of 50,000 `includes` calls, and a match never spans
 * two fields or two rows.
 */
export interface EntitySearchText {
  text: string;
  /** where each row starts in `text`, plus one entry past the end */
  rowStarts: Int32Array;
}

const SEPARATOR = /[\n\u0000]/;
const SEPARATORS = /[\n\u0000]/g;
/** Upstream text never holds these, but a newline or NUL in it must not fake a row or field boundary. */
const clean = (field: string) => (field.includes("\n") || field.includes("\u0000") ? field.replace(SEPARATORS, " ") : field);

export function buildEntitySearchText(rows: EntityRowColumns): EntitySearchText {
  const accounts = rows.accounts.map(clean);
  const parts = new Array<string>(rows.count);
  for (let i = 0; i < rows.count; i += 1) {
    const arn = rows.arns?.[i] ?? null;
    parts[i] = `${clean(rows.values[i] as string)}\u0000${arn === null ? "" : clean(arn)}\u0000${accounts[rows.accountIndex[i] as number] ?? ""}`;
  }
  // Lowercased as one string (one native call); lowercasing can change a string's length, so rows are found after.
  const text = parts.join("\n").toLowerCase();
  const rowStarts = new Int32Array(rows.count + 1);
  let at = 0;
  for (let row = 0; row < rows.count; row += 1) {
    rowStarts[row] = at;
    const end = text.indexOf("\n", at);
    at = end === -1 ? text.length + 1 : end + 1;
  }
  rowStarts[rows.count] = text.length + 1;
  return { text, rowStarts };
}

/** The row a position of the text belongs to (binary search). */
function findRow(rowStarts: Int32Array, position: number): number {
  let low = 0;
  let high = rowStarts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((rowStarts[middle] as number) <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Per row, 1 when its value, ARN or account contains `needle` (already lowercased, not empty). */
export function findEntityMatches(search: EntitySearchText, needle: string, rowCount: number): Uint8Array {
  const matches = new Uint8Array(rowCount);
  // Rows never hold these characters, so a needle with one matches nothing (it would otherwise span fields or rows).
  if (needle === "" || SEPARATOR.test(needle)) return matches;
  let from = 0;
  for (;;) {
    const at = search.text.indexOf(needle, from);
    if (at === -1) break;
    const row = findRow(search.rowStarts, at);
    matches[row] = 1;
    from = search.rowStarts[row + 1] as number;
  }
  return matches;
}
