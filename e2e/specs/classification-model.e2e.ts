import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, signIn, useBrowser } from '../support/browser.js';

const b = useBrowser();

async function choose(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('the model editor: references and rules on the facts of a set', () => {
  it('lets the coordinator add a reference to a floor and a rule on an OSL chapter, saved as a new version', async () => {
    const page = await newPage(b.browser, b.baseUrl);
    await signIn(page, 'samordnare@exempel.se');
    await page.goto('/settings/classification-model');
    await page.getByTestId('edit-model').click();
    await page.getByTestId('model-editor').waitFor();

    // A new reference asks for its law before the model can be saved.
    await page.getByTestId('add-reference-secrecy_confidentiality').click();
    await page.getByTestId('model-save').click();
    await expect.poll(() => page.getByTestId('model-problems').textContent()).toContain('Lag eller föreskrift');
    await page.getByTestId('reference-secrecy_confidentiality-1-law').fill('Offentlighets- och sekretesslagen');
    await page.getByTestId('reference-secrecy_confidentiality-1-number').fill('2009:400');
    await page.getByTestId('reference-secrecy_confidentiality-1-chapter').fill('25');
    await page.getByTestId('reference-secrecy_confidentiality-1-section').fill('1');

    // A rule on secrecy under chapter 26: a bad chapter is named, a good one enables the button.
    await choose(page, 'new-rule-secrecy', 'Sekretess enligt vissa kapitel');
    await page.getByTestId('new-rule-chapters').fill('99');
    await page.getByText('Ange kapitel som heltal mellan 1 och 50').waitFor();
    await page.getByTestId('new-rule-chapters').fill('26');
    await choose(page, 'new-rule-aspect', /^K – /);
    await choose(page, 'new-rule-level', /^3 – /);
    await page.getByTestId('new-rule-reason').fill('Organisationens policy, grundad i lagen: socialtjänstens uppgifter.');
    await expectNoAxeViolations(page, 'model editor with a new reference and rule');
    await page.getByTestId('new-rule-add').click();
    await page.getByTestId('model-note').fill('Socialtjänstens sekretess och OSL 25 kap.');
    await page.getByTestId('model-save').click();

    await page.getByTestId('model-editor').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('rule-references-secrecy_confidentiality').textContent()).toContain('25 kap. 1 §');
    await page.getByText('Sekretess enligt OSL 26 kap.').waitFor();
    await page.context().close();
  });
});
