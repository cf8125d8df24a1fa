import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuditTable } from "@/components/admin/audit-table";

describe("the audit table", () => {
  it("says the log is empty instead of showing bare headings", () => {
    const html = renderToString(<AuditTable entries={[]} />);
    expect(html).toContain("Nothing audited yet");
    expect(html).not.toContain("<table");
  });

  it("lists each entry as a row, in UTC, its text as text", () => {
    const html = renderToString(
      <AuditTable entries={[{ id: 7, at: Date.UTC(2026, 11, 7, 19, 59, 0), actor: "alice", action: "token-revoked", subject: "<b>x</b>", detail: null, address: "10.0.0.1" }]} />,
    );
    expect(html).toContain('data-audit-action="token-revoked"');
    expect(html).toContain("2026-12-07 19:59:00");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).not.toContain("Nothing audited yet");
  });
});
