import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, signIn, useBrowser } from '../support/browser.js';

const b = useBrowser();

describe('action plans: self-assess a requirement and create a measure for the gap', () => {
  it('runs the steward flow, axe-clean, and reflows at 320 px', async () => {
    const page = await newPage(b.browser, b.baseUrl);
    await signIn(page, 'forvaltare@exempel.se');
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plans-table').waitFor();
    await expectNoAxeViolations(page, 'plans');

    await page.getByTestId('plan-link').first().click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await page.getByTestId('plan-progress').waitFor();
    await expectNoAxeViolations(page, 'plan');

    // The first requirement: not met, how it is done today, saved.
    const card = page.locator('[id^="requirement-"]').first();
    await card.getByLabel('Ej uppfyllt').check();
    await card.getByLabel('Hur vi gör').fill('Behörigheter stäms inte av i dag.');
    await card.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => card.locator('[data-testid$="-status"]').textContent()).toBe('Ej uppfyllt');

    // A measure for the gap: owner, due date, priority.
    await card.getByRole('button', { name: 'Skapa åtgärd' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny åtgärd för gapet' });
    await dialog.getByTestId('gap-measure-title').fill('Inför halvårsvis avstämning av behörigheter');
    await dialog.getByTestId('gap-measure-owner').click();
    await dialog.getByTestId('gap-measure-owner').fill('agare');
    await page
      .getByRole('option', { name: /agare@exempel\.se/ })
      .first()
      .click();
    await dialog.getByTestId('gap-measure-due').click();
    await page.getByRole('button', { name: 'Nästa månad' }).click();
    await page.locator('table button:not([data-outside])', { hasText: /^15$/ }).first().click();
    // The calendar closes with a fade; axe would read its half-transparent last frame as low contrast.
    await page.getByRole('button', { name: 'Nästa månad' }).waitFor({ state: 'hidden' });
    await expectNoAxeViolations(page, 'gap measure dialog');
    await dialog.getByTestId('gap-measure-create').click();
    await card.locator('[data-testid$="-measures"]', { hasText: 'Inför halvårsvis avstämning av behörigheter' }).waitFor();

    // Reflow: at 320 px nothing needs horizontal scrolling but the tables' own scroll areas.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByTestId('plan-progress').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.goto('/plans');
    await page.getByTestId('plans-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    await page.context().close();
  });
});
