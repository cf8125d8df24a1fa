import { expect, type Page } from "@playwright/test";

/** Opens `origin + path`, then fills in the provider's own login and consent pages as a person would. */
export async function signInAtProvider(page: Page, options: { origin: string; issuer: string; login: string; path: string }): Promise<void> {
  await page.goto(`${options.origin}${options.path}`);
  await expect(page).toHaveURL(new RegExp(`^${options.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(options.login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible({ timeout: 5000 }).catch(() => false)) await consent.click();
}
