import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NavLinks } from "@/components/shell/nav-links";
import { listNavLinks } from "@/components/shell/site-nav-links";

const ADMIN_PAGES = ["/notifications", "/admin/displays", "/admin/tokens", "/admin/audit"];

describe("the site navigation", () => {
  it("carries the admin pages, in a list labelled Admin, only for an admin", () => {
    const admin = renderToString(<NavLinks {...listNavLinks(true)} />);
    for (const href of ADMIN_PAGES) expect(admin).toContain(`href="${href}"`);
    expect(admin).toContain('aria-label="Admin"');
    const viewer = renderToString(<NavLinks {...listNavLinks(false)} />);
    for (const href of ADMIN_PAGES) expect(viewer).not.toContain(`href="${href}"`);
    expect(viewer).not.toContain("Admin");
    expect(viewer).toContain('href="/account"');
  });
});
