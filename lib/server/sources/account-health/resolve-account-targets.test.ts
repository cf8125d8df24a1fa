import { describe, expect, it } from "vitest";
import { checkCredentials, createAccountTargets, identifyTarget, readRoleAccountId } from "@/lib/server/sources/account-health/resolve-account-targets";

const BASE = { accessKeyId: "AKIDBASE", secretAccessKey: "base-secret" };

describe("account targets", () => {
  it("uses the base credentials once without roles, and learns the account id from STS once", async () => {
    const [target, ...rest] = createAccountTargets([], { baseCredentials: BASE });
    expect(rest).toEqual([]);
    expect(target).toMatchObject({ key: "default", roleArn: null, credentials: BASE, accountId: null });
    let asked = 0;
    const deps = { identifyAccount: async () => (asked += 1, "444455556666") };
    if (!target) throw new Error("no target");
    expect(await identifyTarget(target, deps)).toBe("444455556666");
    expect(await identifyTarget(target, deps)).toBe("444455556666");
    expect(asked).toBe(1);
  });

  it("makes one target per role, session credentials derived from the base ones, account id from the ARN", async () => {
    const seen: string[] = [];
    const targets = createAccountTargets(["arn:aws:iam::111111111111:role/A", "arn:aws-us-gov:iam::222222222222:role/path/B"], {
      baseCredentials: BASE,
      credentialsForRole: (roleArn, base) => {
        seen.push(roleArn);
        expect(base).toBe(BASE);
        return { accessKeyId: `AKID-${roleArn.length}`, secretAccessKey: "s" };
      },
    });
    expect(seen).toEqual(["arn:aws:iam::111111111111:role/A", "arn:aws-us-gov:iam::222222222222:role/path/B"]);
    expect(targets.map((target) => target.accountId)).toEqual(["111111111111", "222222222222"]);
    expect(readRoleAccountId("arn:aws:iam::333333333333:user/x")).toBeNull();
    const [first] = targets;
    if (!first) throw new Error("no target");
    expect(await identifyTarget(first, { identifyAccount: () => Promise.reject(new Error("STS must not be asked")) })).toBe("111111111111");
  });

  it("surfaces a provider's failure when the credentials are checked", async () => {
    await expect(checkCredentials(BASE)).resolves.toBeUndefined();
    await expect(checkCredentials(() => Promise.reject(new Error("no profile")))).rejects.toThrow("no profile");
  });
});
