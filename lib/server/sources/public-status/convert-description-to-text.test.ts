import { describe, expect, it } from "vitest";
import {
  convertDescriptionToText,
  decodeHtmlEntities,
} from "@/lib/server/sources/public-status/convert-description-to-text";
import { readFixtureText } from "@/tests/support/read-public-status-fixture";

function descriptionOf(xml: string, guidFragment: string): string {
  const item = xml.split("<item>").find((chunk) => chunk.includes(`#${guidFragment}<`));
  const match = item ? /<description><!\[CDATA\[([\s\S]*?)\]\]><\/description>/.exec(item) : null;
  if (!match?.[1]) throw new Error(`no description for ${guidFragment}`);
  return match[1];
}

describe("convertDescriptionToText", () => {
  it("unescapes entity-escaped HTML inside CDATA (EC2-19) with a second pass, keeping link text", () => {
    const raw = descriptionOf(readFixtureText("ec2of2019"), "ec2-ap-northeast-1_1566559115");
    expect(raw).toContain("&lt;br&gt;&lt;br&gt;詳細は &lt;a href=");
    const text = convertDescriptionToText(raw);
    expect(text).not.toMatch(/[<>]|&lt;|&gt;|href/);
    expect(text).toContain("予定しています。\n\n詳細は こちら をご参照ください。追加のご質問がある場合は、AWS サポートまでご連絡ください。 | Beginning at 8:36 PM PDT");
    expect(text.endsWith("If you have additional questions, please contact AWS Support.")).toBe(true);
    expect(text).toContain("to those customers with next steps.\n\nAdditional details are available here.");
  });

  it("strips raw <a href> inside CDATA (ALL26) and keeps blank-line paragraphs", () => {
    const raw = descriptionOf(readFixtureText("all26"), "directconnect-eu-central-1_1787000411");
    const text = convertDescriptionToText(raw);
    expect(text).not.toContain("<a");
    expect(text).toContain("refer to steps here. For other customers");
    expect(text.split("\n\n")).toHaveLength(3);
    expect(text.startsWith("We continue to work on bringing affected hardware back online.")).toBe(true);
    expect(text.endsWith("as new information becomes available.")).toBe(true);
  });

  it("trims trailing spaces per line and at the end (ALL26 resolved item, ATH25)", () => {
    const raw = descriptionOf(readFixtureText("all26"), "directconnect-eu-central-1_1787025679");
    expect(raw).toMatch(/recur\. \n\nCustomers/);
    const text = convertDescriptionToText(raw);
    expect(text).toContain("We do not expect this issue to recur.\n\nCustomers with redundant connections");
    expect(text.endsWith("the AWS Support Center.")).toBe(true);
    const athena = descriptionOf(readFixtureText("ath25"), "athena-us-west-2_1749832722");
    expect(convertDescriptionToText(athena)).toBe("We are investigating increased processing times for queued queries in the US-WEST-2 Region.");
  });

  it("turns NBSP into a space and keeps the em dash (ALL26)", () => {
    const raw = descriptionOf(readFixtureText("all26"), "multipleservices-me-south-1_1772435343");
    expect(raw).toContain("\u00a0");
    const text = convertDescriptionToText(raw);
    expect(text).not.toContain("\u00a0");
    expect(text).toContain("ME-SOUTH-1.  Targeting");
    const withDash = descriptionOf(readFixtureText("all26"), "multipleservices-me-central-1_1772554485");
    expect(convertDescriptionToText(withDash)).toContain(" — ");
  });

  it("renders <br> and <p> as line breaks", () => {
    expect(convertDescriptionToText("one<br>two<br/>three<BR />four")).toBe("one\ntwo\nthree\nfour");
    expect(convertDescriptionToText("<p>First.</p><p>Second.</p>")).toBe("First.\n\nSecond.");
    expect(convertDescriptionToText("<ul><li>a</li><li>b</li></ul>")).toBe("- a\n- b");
  });

  it("makes script and markup inert text: no tags survive, script bodies are dropped", () => {
    const text = convertDescriptionToText('Hi<script>alert("x")</script> <img src=x onerror=alert(1)>there <b>bold</b>');
    expect(text).toBe("Hi there bold");
    const escaped = convertDescriptionToText("&lt;script&gt;alert(1)&lt;/script&gt;ok &lt;iframe src=&quot;https://evil&quot;&gt;&lt;/iframe&gt;");
    expect(escaped).toBe("ok");
    expect(convertDescriptionToText("<!-- hidden -->visible")).toBe("visible");
  });

  it("leaves comparison signs and plain ampersands readable", () => {
    expect(convertDescriptionToText("latency < 5 ms & error rate > 1%")).toBe("latency < 5 ms & error rate > 1%");
    expect(convertDescriptionToText("AT&amp;T &amp; R&amp;D")).toBe("AT&T & R&D");
  });

  it("collapses runs of blank lines and trims the ends", () => {
    expect(convertDescriptionToText("\n\n  first  \n\n\n\nsecond \n")).toBe("first\n\nsecond");
    expect(convertDescriptionToText("")).toBe("");
  });

  it("stays linear on hostile whitespace: 200,000 spaces before a letter in well under a second", () => {
    convertDescriptionToText(`a${" ".repeat(1000)}b`);
    for (const hostile of [`a${" ".repeat(200_000)}b`, `<p${" \t".repeat(100_000)}<p`, `${" ".repeat(200_000)}\nx`]) {
      const started = performance.now();
      const text = convertDescriptionToText(hostile);
      expect(performance.now() - started).toBeLessThan(250);
      expect(text.length).toBeGreaterThan(0);
    }
    expect(convertDescriptionToText(`end  \t \nnext\t`)).toBe("end\nnext");
  });
});

describe("decodeHtmlEntities", () => {
  it("decodes named, decimal and hex entities and leaves unknown ones", () => {
    expect(decodeHtmlEntities("&lt;&gt;&amp;&quot;&apos;&nbsp;&mdash;&#8212;&#x2014;&rsquo;")).toBe("<>&\"'\u00a0———\u2019");
    expect(decodeHtmlEntities("&bogus; &#xD800; &#0;")).toBe("&bogus; &#xD800; &#0;");
  });
});
