import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config/load-config";
import { resolveAccess, type RoleMapping } from "@/lib/server/auth/resolve-roles";

const mappingFor = (accountGroups: string, accountsOfUnit?: RoleMapping["accountsOfUnit"]): RoleMapping => {
  const config = parseConfig({ HEALTHDECK_ACCOUNT_GROUPS: accountGroups });
  return { adminGroups: ["ops"], viewerGroups: ["sre"], accountGroups: config.HEALTHDECK_ACCOUNT_GROUPS, accountsOfUnit };
};

describe("account groups with organization units", () => {
  it("reads account ids, OU ids and the root as entries, and refuses anything else", () => {
    expect(parseConfig({ HEALTHDECK_ACCOUNT_GROUPS: "pay=111111111111|ou-ab12-cdef3456;all=r-ab12" }).HEALTHDECK_ACCOUNT_GROUPS).toEqual({ pay: ["111111111111", "ou-ab12-cdef3456"], all: ["r-ab12"] });
    expect(() => parseConfig({ HEALTHDECK_ACCOUNT_GROUPS: "pay=ou-short" })).toThrow(/organization unit ids/);
    expect(() => parseConfig({ HEALTHDECK_ACCOUNT_GROUPS: "pay=o-ab12cdef34" })).toThrow(/HEALTHDECK_ACCOUNT_GROUPS/);
  });

  it("grants an OU's known accounts, and none while they are unknown (fail-closed, never all)", () => {
    const known = mappingFor("pay=111111111111|ou-ab12-cdef3456", (unit) => (unit === "ou-ab12-cdef3456" ? ["222222222222", "333333333333"] : null));
    expect(resolveAccess(["pay", "sre"], known)).toEqual({ ok: true, role: "viewer", accounts: ["111111111111", "222222222222", "333333333333"] });
    const unknown = mappingFor("pay=ou-ab12-cdef3456", () => null);
    expect(resolveAccess(["pay", "sre"], unknown)).toEqual({ ok: true, role: "viewer", accounts: [] });
    expect(resolveAccess(["pay"], mappingFor("pay=ou-ab12-cdef3456"))).toEqual({ ok: true, role: "viewer", accounts: [] });
    expect(resolveAccess(["ops", "pay"], unknown)).toEqual({ ok: true, role: "admin", accounts: "all" });
  });
});
