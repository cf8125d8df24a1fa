import { describe, expect, it } from "vitest";
import { decodeBomText, sniffEncoding } from "@/lib/server/sources/public-status/decode-bom-text";
import { PublicStatusParseError } from "@/lib/server/sources/public-status/public-status-parse-error";
import { readFixtureBytes, readFixtureText } from "@/tests/support/read-public-status-fixture";

function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (endian === "be" ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const pair = [unit >> 8, unit & 0xff];
    bytes.push(...(endian === "be" ? pair : pair.reverse()));
  }
  return Uint8Array.from(bytes);
}

describe("decodeBomText", () => {
  it("decodes the real UTF-16BE currentevents capture to the same value as the pretty UTF-8 copy", () => {
    const raw = readFixtureBytes("raw");
    expect([raw[0], raw[1]]).toEqual([0xfe, 0xff]);
    expect(sniffEncoding(raw)).toBe("utf-16be");
    const text = decodeBomText(raw);
    expect(text.startsWith('[{"date":"1772369485"')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(JSON.parse(text)).toEqual(JSON.parse(readFixtureText("ce2")));
  });

  it("decodes the healthy 6-byte body FE FF 00 5B 00 5D to []", () => {
    expect(decodeBomText(Uint8Array.from([0xfe, 0xff, 0x00, 0x5b, 0x00, 0x5d]))).toBe("[]");
  });

  it("decodes UTF-16LE with a BOM and strips it", () => {
    const bytes = utf16('[{"service":"ec2-us-east-1","summary":"Café — ok"}]', "le", true);
    expect(sniffEncoding(bytes)).toBe("utf-16le");
    expect(decodeBomText(bytes)).toBe('[{"service":"ec2-us-east-1","summary":"Café — ok"}]');
  });

  it("detects BOM-less UTF-16 JSON from the position of the zero byte", () => {
    expect(decodeBomText(utf16('[{"a":1}]', "le", false))).toBe('[{"a":1}]');
    expect(decodeBomText(utf16("{}", "be", false))).toBe("{}");
    expect(sniffEncoding(utf16("[]", "be", false))).toBe("utf-16be");
  });

  it("strips a UTF-8 BOM and decodes plain UTF-8 (Japanese included)", () => {
    const body = new TextEncoder().encode("[\"解決済\"]");
    expect(decodeBomText(Uint8Array.from([0xef, 0xbb, 0xbf, ...body]))).toBe('["解決済"]');
    expect(decodeBomText(body)).toBe('["解決済"]');
    expect(decodeBomText(new Uint8Array())).toBe("");
  });

  it("throws a PublicStatusParseError on invalid bytes instead of returning U+FFFD garbage", () => {
    expect(() => decodeBomText(Uint8Array.from([0x5b, 0xc3, 0x28, 0x5d]))).toThrow(PublicStatusParseError);
    expect(() => decodeBomText(Uint8Array.from([0xfe, 0xff, 0x00, 0x5b, 0x00]))).toThrow(/not valid utf-16be/);
    // A lone high surrogate is invalid UTF-16.
    expect(() => decodeBomText(Uint8Array.from([0xff, 0xfe, 0x3d, 0xd8]))).toThrow(PublicStatusParseError);
  });

  it("reads RAW as UTF-8 would give the '��[' prefix other pollers tripped over, which we never do", () => {
    const naive = new TextDecoder("utf-8").decode(readFixtureBytes("raw")).slice(0, 3);
    expect(naive).toBe("\ufffd\ufffd\u0000");
    expect(decodeBomText(readFixtureBytes("raw")).slice(0, 2)).toBe("[{");
  });
});
