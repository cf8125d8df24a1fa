import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/server/outputs/escape-html";

describe("escapeHtml", () => {
  it("escapes the five characters that can open markup or leave a quoted attribute, ampersands first", () => {
    expect(escapeHtml(`<a href="x" title='y'>R&D &amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R&amp;D &amp;amp;&lt;/a&gt;");
  });

  it("leaves other text as it is", () => {
    expect(escapeHtml("Increased error rates in us-east-1 — élevé · 100%")).toBe("Increased error rates in us-east-1 — élevé · 100%");
  });
});
