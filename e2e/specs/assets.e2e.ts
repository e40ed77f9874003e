import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, signIn, useBrowser } from '../support/browser.js';

const b = useBrowser();
const UNIT = /Hälso- och sjukvårdsförvaltningen/;

/** Picks an option in a Mantine Select whose input carries the test id (typing narrows searchable ones). */
async function choose(page: Page, testId: string, option: string | RegExp, type?: string) {
  await page.getByTestId(testId).click();
  if (type) await page.getByTestId(testId).fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

/** The demo's information owner: the named owner of what the steward registers decides its classification. */
const OWNER = /Ingrid Informationsägare/;
const CATEGORIES = ['life_health', 'privacy', 'operations', 'economy', 'trust', 'legal', 'society'];

async function register(page: Page, kind: RegExp, name: string): Promise<string> {
  await page.goto('/assets');
  await page.getByTestId('register-asset').click();
  await choose(page, 'asset-kind', kind);
  await page.getByTestId('asset-name').fill(name);
  await choose(page, 'asset-unit', UNIT);
  await choose(page, 'asset-informationOwnerId', OWNER, 'Ingrid');
  await page.getByTestId('asset-submit').click();
  await page.waitForURL(/\/assets\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

describe('information assets: classify a set, approve it, and see the system inherit it', () => {
  it('runs the steward → information owner flow', async () => {
    const stamp = Date.now() % 100_000;
    const setName = `E2E-mängd ${stamp}`;
    const systemName = `E2E-system ${stamp}`;

    const steward = await newPage(b.browser, b.baseUrl);
    await signIn(steward, 'forvaltare@exempel.se');
    await steward.getByTestId('nav-assets').click();
    await steward.getByTestId('assets-table').waitFor();
    await expectNoAxeViolations(steward, 'inventory');

    const setPath = await register(steward, /^Informationsmängd$/, setName);
    const systemPath = await register(steward, /^System$/, systemName);
    await choose(steward, 'link-set-picker', new RegExp(setName), setName);
    await steward.getByTestId('link-set-submit').click();
    await steward.locator('[data-testid="linked-set-row"]', { hasText: setName }).waitFor();
    await expectNoAxeViolations(steward, 'system detail');

    // Classify the set through the questions; the proposal follows the worst answer per aspect.
    await steward.goto(setPath);
    await steward.getByTestId('start-classification').click();
    await steward.waitForURL(/\/classifications\/[0-9a-f-]{36}$/);
    const versionPath = new URL(steward.url()).pathname;
    await steward.getByTestId('classification-summary').waitFor();
    for (const [aspect, level] of [
      ['C', 3],
      ['I', 2],
      ['A', 2],
      ['T', 1],
    ] as const) {
      await steward.getByTestId(`answer-${aspect}-life_health-${level}`).check();
    }
    await expect.poll(() => steward.getByTestId('proposed-profile').getAttribute('data-profile')).toBe('K3 R2 T2 S1');
    await expectNoAxeViolations(steward, 'guided classification');
    // Level 4 is for säkerhetsskydd only: not open for this set.
    expect(await steward.getByTestId('answer-C-society-4').isDisabled()).toBe(true);

    // One question per aspect is not a classification: submitting lists every category still to assess.
    await steward.getByTestId('submit-classification').click();
    await expect.poll(() => steward.getByTestId('submit-issues').locator('[data-code="category_unassessed"]').count()).toBe(24);
    for (const aspect of ['C', 'I', 'A', 'T']) {
      for (const category of CATEGORIES.slice(1)) await steward.getByTestId(`answer-${aspect}-${category}-not_relevant`).check();
    }

    // Submitting without justifications lists what is missing instead.
    await steward.getByTestId('submit-classification').click();
    await expect.poll(() => steward.getByTestId('submit-issues').locator('[data-code="justification_required"]').count()).toBe(3);
    for (const aspect of ['C', 'I', 'A'])
      await steward.getByTestId(`justification-${aspect}`).fill('Röjande eller fel kan skada patienter.');
    await steward.getByTestId('submit-classification').click();
    await steward.getByTestId('confirm-button').click();
    await steward.locator('[data-testid="classification-page"][data-status="submitted"]').waitFor();
    await steward.context().close();

    // The set's named information owner decides; the steward prepared it, so she may.
    const owner = await newPage(b.browser, b.baseUrl);
    await signIn(owner, 'agare@exempel.se');
    await owner.getByTestId('nav-classifications').click();
    await owner
      .getByTestId('awaiting-table')
      .getByRole('link', { name: new RegExp(setName) })
      .click();
    await owner.waitForURL((url) => url.pathname === versionPath);
    await expectNoAxeViolations(owner, 'submitted classification');
    await owner.getByTestId('approve-classification').click();
    await owner.getByTestId('approve-submit').click();
    await owner.locator('[data-testid="classification-page"][data-status="approved"]').waitFor();

    // The system now shows the set's levels as its own, and says where they come from.
    await owner.goto(systemPath);
    await owner.locator('[data-testid="effective-profile"][data-profile="K3 R2 T2 S1"]').waitFor();
    await expect.poll(() => owner.getByTestId('level-sources-C').textContent()).toContain(`ärvs från informationsmängden ${setName}`);
    await expectNoAxeViolations(owner, 'system with inherited levels');

    for (const path of ['/assets/coverage', '/information-types']) {
      await owner.goto(path);
      await owner.locator('h1').waitFor();
      await owner.waitForLoadState('networkidle');
      await expectNoAxeViolations(owner, path);
    }
    await owner.context().close();
  });
});
