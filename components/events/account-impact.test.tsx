import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GridCell } from "@/components/board/grid-cell";
import { AccountImpactNote } from "@/components/events/account-impact";

describe("correlation marks", () => {
  it("marks a board cell where your accounts have open events, in words too", () => {
    const html = renderToString(
      <table>
        <tbody>
          <tr>
            <GridCell
              serviceName="Amazon EC2"
              regionLabel="us-east-1"
              entry={{ key: "ec2-us-east-1", service: "ec2", region: "us-east-1", name: "Amazon EC2", status: "operational", since: null, account: { openEvents: 2, affectedResources: 1200 } }}
            />
          </tr>
        </tbody>
      </table>,
    ).replace(/<!-- -->/g, "");
    expect(html).toContain("data-account-mark");
    expect(html).toContain("your accounts: 2 open events, 1,200 affected resources");
  });

  it("says which of your resources a public event touches, as text with links", () => {
    const html = renderToString(
      <AccountImpactNote
        impact={{
          events: [{ id: "abc123abc123", accountId: "123456789012", eventTypeCode: "AWS_EC2_OPERATIONAL_ISSUE", status: "open", affectedResources: 3 }],
          affectedResources: 3,
          sampleResources: ["i-1", "<b>i-2</b>"],
        }}
      />,
    ).replace(/<!-- -->/g, "");
    expect(html).toContain("Touches your accounts: 1 open event, 3 affected resources");
    expect(html).toContain('href="/events/abc123abc123"');
    expect(html).toContain("&lt;b&gt;i-2&lt;/b&gt;");
    expect(html).not.toContain("<b>i-2</b>");
  });
});
