import { describe, expect, it } from "vitest";
import { isLoopbackAddress, normaliseAddress } from "@/lib/server/edge/normalise-address";

describe("normaliseAddress", () => {
  it.each([
    ["::ffff:10.0.0.1", "10.0.0.1"],
    ["::FFFF:127.0.0.1", "127.0.0.1"],
    ["[::1]", "::1"],
    ["[2001:DB8::1]", "2001:db8::1"],
    [" 10.0.0.5 ", "10.0.0.5"],
    ["::ffff:7f00:1", "::ffff:7f00:1"],
    ["::ffff:not-an-address", "::ffff:not-an-address"],
  ])("%s is %s", (given, expected) => {
    expect(normaliseAddress(given)).toBe(expected);
  });
});

describe("isLoopbackAddress", () => {
  it.each(["127.0.0.1", "127.255.0.9", "::1", "[::1]", "::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "localhost", "LOCALHOST"])("%s is loopback", (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(["192.168.1.1", "10.0.0.5", "::ffff:10.0.0.5", "[2001:db8::1]", "127.0.0.1.example.com", "127.0.0.300", "128.0.0.1", "0.0.0.0", "::", ""])("%s is not", (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});
