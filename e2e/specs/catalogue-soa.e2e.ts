import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, signIn, useBrowser } from '../support/browser.js';

const b = useBrowser();

/** The page never scrolls sideways at 320 CSS px (WCAG 1.4.10); wide tables scroll inside their own region. */
async function expectReflow(page: import('playwright-core').Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1360, height: 900 });
}

describe('requirement catalogue and statement of applicability', () => {
  it('browses the catalogue, assesses a control in this year\'s statement and compares with last year', async () => {
    const page = await newPage(b.browser, b.baseUrl);
    await signIn(page, 'samordnare@exempel.se');

    await page.getByTestId('nav-requirement-catalogues').click();
    await page.getByTestId('catalogue-requirements').waitFor();
    await page.getByTestId('catalogue-search').fill('patient');
    await page.getByText(/krav visas/).waitFor();
    const item = page.getByRole('button', { name: /TB-LOG/ }).first();
    await item.click();
    expect(await item.getAttribute('aria-expanded')).toBe('true');
    await page.locator('text=ÄR-krav (egen organisation) >> visible=true').first().waitFor();
    await expectNoAxeViolations(page, 'requirement catalogue');
    await expectReflow(page);

    await page.getByTestId('nav-soa').click();
    await page.getByTestId('soa-years').waitFor();
    await expectNoAxeViolations(page, 'soa years');
    await expectReflow(page);
    await page.getByTestId('soa-years').getByRole('link').first().click();
    await page.getByTestId('soa-table-organizational').waitFor();
    await expectNoAxeViolations(page, 'soa version');
    await expectReflow(page);

    await page.getByTestId('soa-edit-5.2').click();
    await page.getByTestId('soa-entry-form').waitFor();
    await expectNoAxeViolations(page, 'soa entry dialog');
    await page.getByTestId('soa-implementation').click();
    await page.getByRole('option', { name: 'Nej' }).click();
    await page.getByTestId('soa-entry-save').click();
    await page.getByTestId('soa-entry-form').waitFor({ state: 'detached' });

    await page.getByTestId('nav-soa').click();
    await page.getByTestId('soa-compare').click();
    await page.getByTestId('soa-compare-table').waitFor();
    expect(await page.getByTestId('soa-compare-table').getByText('5.2', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'soa compare');
    await expectReflow(page);
  });
});
