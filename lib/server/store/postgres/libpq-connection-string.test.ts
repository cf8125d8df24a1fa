import { describe, expect, it } from "vitest";
import { withLibpqSslModes } from "@/lib/server/store/postgres/libpq-connection-string";

describe("withLibpqSslModes", () => {
  it("asks node-postgres for libpq's sslmode meanings when a mode is given", () => {
    expect(withLibpqSslModes("postgres://hd:s3cret@db.internal:5432/healthdeck?sslmode=require")).toBe("postgres://hd:s3cret@db.internal:5432/healthdeck?sslmode=require&uselibpqcompat=true");
  });
  it("leaves a URL without sslmode, or one that already chose, as it is", () => {
    expect(withLibpqSslModes("postgres://hd@127.0.0.1:5432/healthdeck")).toBe("postgres://hd@127.0.0.1:5432/healthdeck");
    expect(withLibpqSslModes("postgres://hd@db/healthdeck?sslmode=verify-full&uselibpqcompat=false")).toBe("postgres://hd@db/healthdeck?sslmode=verify-full&uselibpqcompat=false");
  });
});
