import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { renderFeed } from "@/lib/server/outputs/feeds/render-feed";

const HOSTILE = { id: "urn:healthdeck:public-update:ec2-us-east-1_1", title: "EC2 <b>x</b>", link: "https://h.example/?service=ec2", date: new Date("2026-12-01T00:00:00Z"), text: "a <script>alert(1)</script> ]]> & b", category: "issue" };

describe("renderFeed", () => {
  it("keeps upstream text as text in RSS and Atom: escaped, never markup, and CDATA cannot be closed early", async () => {
    for (const format of ["rss", "atom"] as const) {
      const xml = renderFeed(format, [HOSTILE], "https://h.example", "");
      expect(xml).not.toContain("<script>");
      expect(xml).not.toContain("]]> &");
      const item = (await new Parser().parseString(xml)).items[0];
      // RSS readers get HTML in <description>; Atom's <summary type="html"> the same.
      if (format === "rss") expect(item?.contentSnippet).toBe("a <script>alert(1)</script> ]]> & b");
      else expect(item?.summary).toBe("a &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; b");
    }
  });

  it("escapes quotes of both kinds (the shared escapeHtml), so readers that put text in attributes stay safe", () => {
    const xml = renderFeed("rss", [{ ...HOSTILE, text: `it's "quoted"` }], "https://h.example", "");
    expect(xml).toContain("it&#39;s &quot;quoted&quot;");
  });

  it("writes the same bytes for the same items (stable ETags)", () => {
    expect(renderFeed("atom", [HOSTILE], "https://h.example", "")).toBe(renderFeed("atom", [HOSTILE], "https://h.example", ""));
    expect(renderFeed("rss", [], "https://h.example", "")).toBe(renderFeed("rss", [], "https://h.example", ""));
  });
});
