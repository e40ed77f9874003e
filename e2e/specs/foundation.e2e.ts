import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, signIn, useBrowser } from '../support/browser.js';

const b = useBrowser();

/** Picks an option in a Mantine Select whose input carries the test id. */
async function choose(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('foundation: the administrator’s first steps', () => {
  it('signs in, adds a unit, invites a user with a role, and finds both in the audit log', async () => {
    const page = await newPage(b.browser, b.baseUrl);
    await page.goto('/login');
    await expectNoAxeViolations(page, 'sign-in');
    await signIn(page, 'admin@exempel.se');

    await expect.poll(() => page.getByTestId('stat-dashboard-units').textContent()).toMatch(/\d/);
    await expectNoAxeViolations(page, 'start page');

    await page.getByTestId('nav-units').click();
    await page.getByTestId('unit-tree').waitFor();
    await expectNoAxeViolations(page, 'units');
    await page.locator('[data-testid="unit-row"][data-unit-name="Hälso- och sjukvårdsförvaltningen"]').getByTestId('unit-actions').click();
    await page.getByTestId('unit-action-add').click();
    await page.getByTestId('unit-name').fill('Barn- och ungdomsmedicin');
    await choose(page, 'unit-kind', /verksamhet/i);
    await page.getByTestId('unit-submit').click();
    await page.locator('[data-testid="unit-row"][data-unit-name="Barn- och ungdomsmedicin"]').waitFor();

    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await expectNoAxeViolations(page, 'users');
    await page.getByTestId('invite-user').click();
    await page.getByTestId('invite-email').fill('ny.forvaltare@exempel.se');
    await page.getByTestId('invite-name').fill('Nora Nyanställd');
    await choose(page, 'invite-role', /systemförvaltare/i);
    await choose(page, 'invite-unit', /Barn- och ungdomsmedicin/);
    await page.getByTestId('invite-submit').click();
    const link = await page.getByTestId('one-time-link').inputValue();
    expect(link).toMatch(/\/link\/[\w-]{20,}$/);
    await page.getByTestId('invite-done').click();

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await expect.poll(() => page.locator('[data-testid="audit-row"][data-action="invite"]').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-testid="audit-row"][data-action="create"][data-entity-type="unit"]').count())
      .toBeGreaterThan(0);
    // What the page shows is read, not decoded: labels and names, never a code or an id.
    const grant = page.locator('[data-testid="audit-row"][data-action="grant"]').first();
    await grant.getByTestId('audit-row-toggle').click();
    await expect.poll(() => page.locator('.changes-value', { hasText: 'Barn- och ungdomsmedicin' }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.changes-value', { hasText: /^Systemförvaltare$/ }).count()).toBeGreaterThan(0);
    const shown = await page.getByTestId('audit-table').innerText();
    expect(shown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i);
    expect(shown).not.toMatch(/\b(role_assignment|unitId|userId|parentId|security_coordinator|information_owner)\b/);
    await expectNoAxeViolations(page, 'audit log');
    await page.getByTestId('verify-chain').click();
    await page.getByTestId('verify-result-ok').waitFor();

    // The invited person follows the link in a browser of their own and is signed in.
    const invited = await newPage(b.browser, b.baseUrl);
    await invited.goto(new URL(link).pathname);
    await invited.getByTestId('link-name').waitFor();
    await expectNoAxeViolations(invited, 'invitation link');
    await invited.getByTestId('new-password').fill('ett-långt-lösenord-2026');
    await invited.getByTestId('repeat-password').fill('ett-långt-lösenord-2026');
    await invited.getByTestId('link-submit').click();
    await invited.getByTestId('nav-dashboard').waitFor();
    await invited.context().close();
    await page.context().close();
  });

  it('has no accessibility violations on the remaining pages, in Swedish and in English', async () => {
    const page = await newPage(b.browser, b.baseUrl);
    await signIn(page, 'admin@exempel.se');
    for (const [path, ready] of [
      ['/api-tokens', 'create-token'],
      ['/organizations', 'organizations-table'],
      ['/account/password', 'current-password'],
      ['/notifications', 'save-notification-settings'],
    ] as const) {
      await page.goto(path);
      await page.getByTestId(ready).waitFor();
      await expectNoAxeViolations(page, path);
    }
    await page.goto('/users');
    await page.getByTestId('user-row').first().getByRole('link').first().click();
    await page.getByTestId('user-roles-table').waitFor();
    await expectNoAxeViolations(page, 'user detail');

    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.goto('/units');
    await page.getByTestId('unit-tree').waitFor();
    await expectNoAxeViolations(page, 'units (English)');
    await page.context().close();
  });

  it('refuses a wrong password with a clear message', async () => {
    const page = await newPage(b.browser, b.baseUrl);
    await page.goto('/login');
    await page.getByTestId('login-email').fill('granskare@exempel.se');
    await page.getByTestId('login-password').fill('fel-lösenord');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(/fel e-postadress eller lösenord/i);
    await page.context().close();
  });
});
