import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseAccountLogUrl } from "@/lib/client/account/account-log-url";
import { filterAccountEvents, sortAccountEvents } from "@/lib/client/account/filter-account-events";
import { AccountLogFilters } from "@/components/account/account-log-filters";
import { AccountLogResults } from "@/components/account/account-log-results";
import { EntityTable } from "@/components/account/entity-table";
import { textOf } from "@/tests/fixtures/ui/load-status-fixture";
import { loadAccountEventsFixture } from "@/tests/fixtures/ui/load-account-fixture";

const events = loadAccountEventsFixture();
const noop = () => {};

/** The opening tag of the input with this name and value (attribute order is React's business). */
function inputTag(html: string, name: string, value?: string): string {
  const tags = html.match(/<input[^>]*>/g) ?? [];
  return tags.find((tag) => tag.includes(`name="${name}"`) && (value === undefined || tag.includes(`value="${value}"`))) ?? "";
}

describe("AccountLogFilters", () => {
  const url = parseAccountLogUrl({ category: "issue", region: "global", from: "2026-11-01", sort: "start-asc", q: "ec2" });
  const html = renderToString(<AccountLogFilters state={url.state} events={events} onChange={noop} onQueryChange={noop} onClear={noop} />);

  it("is a GET form of named fields, so it works without JavaScript", () => {
    const form = html.match(/<form[^>]*>/)?.[0] ?? "";
    for (const attribute of ['method="get"', 'action="/account/events"', 'role="search"']) expect(form).toContain(attribute);
    for (const name of ["q", "from", "to", "sort", "category", "status", "region", "service", "account", "type"]) expect(html).toContain(`name="${name}"`);
    expect(html).toContain('type="submit"');
  });

  it("reflects the URL: ticked boxes, typed dates and search, chosen order", () => {
    expect(inputTag(html, "category", "issue")).toContain('checked=""');
    expect(inputTag(html, "category", "scheduledChange")).not.toContain("checked");
    expect(inputTag(html, "region", "global")).toContain('checked=""');
    expect(inputTag(html, "from")).toContain('value="2026-11-01"');
    expect(inputTag(html, "q")).toContain('value="ec2"');
    expect(html).toMatch(/<option value="start-asc" selected="">/);
  });

  it("spells out the active filters", () => {
    expect(textOf(html)).toContain("Showing only category Issue · region global · from 2026-11-01.");
  });

  it("offers every value seen in the events, with counts, including unknown ones", () => {
    const text = textOf(html);
    expect(text).toContain("proactiveAdvice1");
    expect(text).toContain("Open9");
    expect(text).toContain("mitigating1");
    expect(text).toContain("Account notification3");
    expect(html).toContain('value="444455556666"');
  });
});

describe("AccountLogResults", () => {
  it("counts the matches by status and lists them in a table", () => {
    const matches = sortAccountEvents(filterAccountEvents(events, parseAccountLogUrl({ category: "issue" }).query), "updated-desc");
    const html = renderToString(<AccountLogResults events={matches} knownCount={events.length} isCut={false} limit={5000} isFiltered resetKey="a" />);
    const text = textOf(html);
    expect(text).toMatch(/^Events7 events of 15/);
    expect(text).toContain("3 open");
    expect(text).toContain("3 closed");
    expect(text).toContain("1 mitigating");
    expect(html.match(/<tr/g)).toHaveLength(8);
    expect(html).toContain('<th scope="row"');
  });

  it("has empty states for no events at all and for no matches", () => {
    expect(textOf(renderToString(<AccountLogResults events={[]} knownCount={0} isCut={false} limit={5000} isFiltered={false} resetKey="a" />))).toBe("No account events recorded yet.");
    expect(textOf(renderToString(<AccountLogResults events={[]} knownCount={15} isCut={false} limit={5000} isFiltered resetKey="a" />))).toBe("No account events match these filters.");
  });
});

describe("EntityTable (server render, before the rows load)", () => {
  it("renders the table frame, the status and a CSV link for the filter in the address", () => {
    const html = renderToString(<EntityTable eventId="abcdEFGH1234_-xy" expectedTotal={50000} initialFilter={{ q: "orders", statuses: ["PENDING", "RESOLVED"], sort: "status", order: "desc" }} />);
    expect(html).toContain('role="table"');
    expect(html).toContain('aria-rowcount="1"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('tabindex="0"');
    expect(html).toContain('aria-sort="descending"');
    expect(textOf(html)).toContain("Loading 50,000 affected resources…");
    expect(html).toContain('href="/api/v1/account/events/abcdEFGH1234_-xy/entities?format=csv&amp;q=orders&amp;status=PENDING,RESOLVED&amp;sort=status&amp;order=desc"');
    expect(html.match(/<input[^>]*id="entity-search"[^>]*>/)?.[0]).toContain('value="orders"');
  });
});
