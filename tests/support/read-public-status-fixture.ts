import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Test support: the real AWS captures in tests/fixtures/public-status (provenance: SOURCES.md there). */
export const PUBLIC_STATUS_FIXTURES = {
  raw: "json-currentevents-raw-utf16be-bom.bin",
  ce2: "json-currentevents-2events-full-eventlog.json",
  all26: "rss-all-2026-08-50items-multiupdate.xml",
  ath25: "rss-athena-us-west-2-2025-service-impact.xml",
  con25: "rss-connect-eu-west-2-2025-empty.xml",
  ec2of2019: "rss-ec2-ap-northeast-1-2019-multiupdate-bilingual.xml",
  all15a: "rss-all-2015-11-17T1636-legacy-format-before-edit.xml",
  all15b: "rss-all-2015-11-17T1651-legacy-format-after-retroactive-resolved.xml",
} as const;

export type PublicStatusFixture = keyof typeof PUBLIC_STATUS_FIXTURES;

const FIXTURE_DIR = new URL("../fixtures/public-status/", import.meta.url);

export function readFixtureBytes(name: PublicStatusFixture): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(PUBLIC_STATUS_FIXTURES[name], FIXTURE_DIR))));
}

export function readFixtureText(name: PublicStatusFixture): string {
  return new TextDecoder("utf-8").decode(readFixtureBytes(name));
}
