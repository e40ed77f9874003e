import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, signIn, useBrowser } from '../support/browser.js';

const b = useBrowser();
const CATEGORIES = ['life_health', 'privacy', 'operations', 'economy', 'trust', 'legal', 'society'];

/** Picks an option in a Mantine Select whose input carries the test id (typing narrows searchable ones). */
async function choose(page: Page, testId: string, option: string | RegExp, type?: string) {
  await page.getByTestId(testId).click();
  if (type) await page.getByTestId(testId).fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

describe('the owner names a delegate, the coordinator checks (granskad), the owner decides', () => {
  it('records the delegate on the asset page and the quality check on the version, both shown to the owner', async () => {
    const setName = `E2E-granskad ${Date.now() % 100_000}`;

    // The steward registers a set owned by Ingrid and assesses every category (level 1, the rest "ej relevant").
    const steward = await newPage(b.browser, b.baseUrl);
    await signIn(steward, 'forvaltare@exempel.se');
    await steward.goto('/assets');
    await steward.getByTestId('register-asset').click();
    await choose(steward, 'asset-kind', /^Informationsmängd$/);
    await steward.getByTestId('asset-name').fill(setName);
    await choose(steward, 'asset-unit', /Hälso- och sjukvårdsförvaltningen/);
    await choose(steward, 'asset-informationOwnerId', /Ingrid Informationsägare/, 'Ingrid');
    await steward.getByTestId('asset-submit').click();
    await steward.waitForURL(/\/assets\/[0-9a-f-]{36}$/);
    const setPath = new URL(steward.url()).pathname;
    await steward.getByTestId('start-classification').click();
    await steward.waitForURL(/\/classifications\/[0-9a-f-]{36}$/);
    const versionPath = new URL(steward.url()).pathname;
    await steward.getByTestId('classification-summary').waitFor();
    for (const aspect of ['C', 'I', 'A', 'T']) {
      await steward.getByTestId(`answer-${aspect}-life_health-1`).check();
      for (const category of CATEGORIES.slice(1)) await steward.getByTestId(`answer-${aspect}-${category}-not_relevant`).check();
    }
    await expect.poll(() => steward.getByTestId('proposed-profile').getAttribute('data-profile')).toBe('K1 R1 T1 S1');
    await steward.getByTestId('submit-classification').click();
    await steward.getByTestId('confirm-button').click();
    await steward.locator('[data-testid="classification-page"][data-status="submitted"]').waitFor();
    await steward.context().close();

    // The owner records a delegate for her decisions on this set; nobody else sees the field.
    const owner = await newPage(b.browser, b.baseUrl);
    await signIn(owner, 'agare@exempel.se');
    await owner.goto(setPath);
    await owner.getByTestId('decision-delegate').waitFor();
    await choose(owner, 'decision-delegate-select', /Karl Kvist/, 'Karl');
    await owner.getByTestId('decision-delegate').getByRole('status').waitFor();
    await expectNoAxeViolations(owner, 'asset page with the delegate field');

    // The coordinator checks the submitted version with a comment; she cannot decide it.
    const coordinator = await newPage(b.browser, b.baseUrl);
    await signIn(coordinator, 'samordnare@exempel.se');
    await coordinator.goto(versionPath);
    await coordinator.locator('[data-testid="classification-page"][data-status="submitted"]').waitFor();
    expect(await coordinator.getByTestId('approve-classification').count()).toBe(0);
    await coordinator.getByTestId('check-classification').click();
    await coordinator.getByTestId('check-comment').fill('Stämmer med informationstypen.');
    await expectNoAxeViolations(coordinator, 'the check dialog');
    await coordinator.getByTestId('check-submit').click();
    await expect.poll(() => coordinator.getByTestId('checked-by').textContent()).toContain('Sara Samordnare');
    expect(await coordinator.getByTestId('check-classification').count()).toBe(1); // a second check may follow, it is advice
    await coordinator.context().close();

    // The owner sees the check and her delegate on the version, and decides.
    await owner.goto(versionPath);
    await expect.poll(() => owner.getByTestId('checked-by').textContent()).toContain('Stämmer med informationstypen.');
    await expect.poll(() => owner.getByTestId('classification-page').textContent()).toContain('Karl Kvist');
    await owner.getByTestId('approve-classification').click();
    await owner.getByTestId('approve-submit').click();
    await owner.locator('[data-testid="classification-page"][data-status="approved"]').waitFor();
    await owner.context().close();
  });
});
