import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource: string = require('axe-core').source;

export const DEMO_PASSWORD = 'Tillit-demo-2026';

/** The Chromium found by scripts/ensure-browser.mjs, headless, without the background traffic this closed network refuses. */
export function useBrowser() {
  const ctx = { baseUrl: inject('baseUrl') } as { browser: Browser; baseUrl: string };
  beforeAll(async () => {
    ctx.browser = await chromium.launch({
      executablePath: inject('chromiumPath'),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
  });
  afterAll(async () => {
    await ctx.browser?.close();
  });
  return ctx;
}

export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  // bypassCSP: axe-core is injected as an inline script, which Tillit's CSP (rightly) refuses.
  const context = await browser.newContext({
    bypassCSP: true,
    baseURL: baseUrl,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1360, height: 900 },
  });
  return context.newPage();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** WCAG 2.1 AA as axe-core checks it: no violations on the page as it stands. */
export async function expectNoAxeViolations(page: Page, label: string) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} → ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}
