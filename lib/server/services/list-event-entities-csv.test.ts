import { describe, expect, it } from "vitest";
import { toCsvCell } from "@/lib/server/services/list-event-entities";

// Every character a spreadsheet may take as the start of a formula (OWASP's CSV injection list).
const FORMULA_PREFIXES = ["=", "+", "-", "@", "\t", "\r"] as const;

describe("toCsvCell defuses formulas", () => {
  it.each(FORMULA_PREFIXES.map((prefix) => ({ prefix, name: JSON.stringify(prefix) })))("prefixes a cell starting with $name with a quote", ({ prefix }) => {
    const value = `${prefix}HYPERLINK("http://x","y")`;
    expect(toCsvCell(value)).toBe(`"'${value.replace(/"/g, '""')}"`);
  });

  it.each(["a=1", "i-0abc", " =1", "'=already", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", ""])(
    "leaves %j as it is, only quoted",
    (value) => {
      expect(toCsvCell(value)).toBe(`"${value.replace(/"/g, '""')}"`);
    },
  );

  it("writes an empty cell for null", () => {
    expect(toCsvCell(null)).toBe("");
  });
});
