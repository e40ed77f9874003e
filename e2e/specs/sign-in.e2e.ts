import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { invite, sessionApi } from '../support/api.js';
import { expectNoAxeViolations, newPage, signIn, useBrowser } from '../support/browser.js';

const b = useBrowser();
const PASSWORD = 'två-konton-samma-adress-2026';

/** A valid Swedish organisation number (Luhn check digit over the ten digits) that differs per run. */
function orgNumber(stamp: number): string {
  const nine = `21${String(stamp).padStart(7, '0').slice(-7)}`;
  const sum = [...nine].reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + (d > 9 ? d - 9 : d);
  }, 0);
  const digits = `${nine}${(10 - (sum % 10)) % 10}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** Follows a one-time link and chooses the password, as the invited person does. */
async function acceptLink(page: Page, path: string) {
  await page.goto(path);
  await page.getByTestId('new-password').fill(PASSWORD);
  await page.getByTestId('repeat-password').fill(PASSWORD);
  await page.getByTestId('link-submit').click();
  await page.getByTestId('nav-dashboard').waitFor();
}

describe('sign-in with one e-mail address in two organisations', () => {
  it('asks which organisation, accessibly, and signs in to the one chosen', async () => {
    const stamp = Date.now() % 10_000_000;
    const email = `tva.organisationer.${stamp}@exempel.se`;
    const otherOrg = `Kommunen Prov ${stamp}`;

    // The same address, with the same password, in the demo region and in a second organisation.
    const admin = await newPage(b.browser, b.baseUrl);
    await signIn(admin, 'admin@exempel.se');
    const api = await sessionApi(admin);
    const inRegion = await invite(api, email, 'Tove Tvåorg');
    const created = await api.post<{ adminLink: string | null }>('/organizations', {
      name: otherOrg,
      orgNumber: orgNumber(stamp),
      kind: 'municipality',
      admin: { email, name: 'Tove Tvåorg' },
    });
    await admin.context().close();
    for (const link of [inRegion, new URL(created.adminLink!).pathname]) {
      const person = await newPage(b.browser, b.baseUrl);
      await acceptLink(person, link);
      await person.context().close();
    }

    const page = await newPage(b.browser, b.baseUrl);
    await page.goto('/login');
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();

    // Both organisations are offered by name, as a labelled group of radio buttons that has focus.
    const group = page.getByRole('radiogroup', { name: 'Organisation' });
    await group.waitFor();
    const options = group.getByRole('radio');
    await expect.poll(() => options.count()).toBe(2);
    for (const name of ['Region Exempel', otherOrg]) expect(await group.getByRole('radio', { name, exact: true }).count(), name).toBe(1);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    expect(await page.getByTestId('form-error').count(), 'a choice, not a failure').toBe(0);
    await expectNoAxeViolations(page, 'sign-in with organisation choice');

    // Submitting without a choice names the missing field; choosing signs in to that organisation.
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-organization').textContent()).toContain('Välj organisation.');
    await page.getByRole('radio', { name: otherOrg }).check();
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const session = await sessionApi(page);
    expect(session.session.user.organizationId).not.toBe(api.session.user.organizationId);
    await page.context().close();
  });
});
