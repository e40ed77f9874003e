import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { invite, sessionApi } from '../support/api.js';
import { expectNoAxeViolations, newPage, signIn, useBrowser } from '../support/browser.js';
import { readFocus, rememberUnfocused, type FocusReading } from '../support/focus.js';
import { manifestRoutes, type ManifestRoute } from '../support/pages.js';

const b = useBrowser();

/** Tabs through a form from its start until focus leaves it or comes round again, reading each control. */
async function tabThrough(page: Page, container: Locator): Promise<FocusReading[]> {
  // Measured unfocused first; then the container itself takes focus so the first Tab reaches its first control.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await rememberUnfocused(container);
  await container.evaluate((el) => {
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    (el as HTMLElement).focus();
  });
  const readings: FocusReading[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const state = await container.evaluate((root) => {
      const el = document.activeElement;
      if (!el || !root.contains(el) || el === root) return 'left';
      if (el.hasAttribute('data-focus-read')) return 'again';
      el.setAttribute('data-focus-read', '');
      return 'new';
    });
    if (state !== 'new') break;
    readings.push(await readFocus(page));
  }
  return readings;
}

function expectVisibleFocus(readings: FocusReading[], form: string, fields: RegExp[]) {
  const weak = readings.filter((r) => !r.changed || r.contrast < 3).map((r) => `${r.control}: ${r.indicator} (${r.contrast.toFixed(2)}:1)`);
  expect(weak, `controls of ${form} without a visible focus indicator of 3:1`).toEqual([]);
  for (const field of fields)
    expect(
      readings.map((r) => r.control),
      `${form} reaches ${field} by Tab`,
    ).toEqual(expect.arrayContaining([expect.stringMatching(field)]));
}

/** The page is drawn: its heading is there and nothing is loading any more. */
async function settled(page: Page) {
  await page.locator('h1').first().waitFor({ timeout: 10_000 });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The document's width beyond the viewport, and the outermost elements that stick out. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const excess = document.documentElement.scrollWidth - vw;
    const culprits: string[] = [];
    // Inside a container that scrolls or clips sideways (a table's scroll region) width is allowed.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    if (excess > 0) {
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const right = el.getBoundingClientRect().right;
        const parentRight = el.parentElement?.getBoundingClientRect().right ?? 0;
        if (right > vw + 1 && parentRight <= vw + 1 && !clipped(el) && !el.closest('header') && culprits.length < 6) {
          const id = el.getAttribute('data-testid') ?? (typeof el.className === 'string' ? el.className.split(' ')[0] : '');
          culprits.push(
            `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}" to ${Math.round(right)} px`,
          );
        }
      }
    }
    if (excess > 0 && !culprits.some((c) => !c.startsWith('header'))) {
      // Nothing sticks out of its parent: the widest element says where to look.
      let widest: Element | null = null;
      for (const el of Array.from(document.body.querySelectorAll('*')))
        if (!el.closest('header') && (!widest || el.getBoundingClientRect().right > widest.getBoundingClientRect().right)) widest = el;
      const chain: string[] = [];
      for (let p = widest; p && chain.length < 6; p = p.parentElement)
        chain.push(
          `${p.tagName.toLowerCase()}.${typeof p.className === 'string' ? p.className.split(' ')[0] : ''}[${getComputedStyle(p).position}]`,
        );
      const positioned = Array.from(document.body.querySelectorAll('*')).filter(
        (el) =>
          ['absolute', 'fixed'].includes(getComputedStyle(el).position) &&
          el.getBoundingClientRect().right > vw + 1 &&
          !el.closest('header'),
      );
      for (const el of positioned.slice(0, 3))
        culprits.push(
          `positioned ${el.tagName.toLowerCase()}.${typeof el.className === 'string' ? el.className.split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 30)}" to ${Math.round(el.getBoundingClientRect().right)} px`,
        );
      if (widest) culprits.push(`widest ${chain.join(' < ')} to ${Math.round(widest.getBoundingClientRect().right)} px`);
    }
    // The fixed header does not widen the document, but what sticks out of it cannot be reached.
    for (const el of Array.from(document.querySelectorAll('header *'))) {
      const right = el.getBoundingClientRect().right;
      if (right > vw + 1 && !clipped(el) && culprits.length < 8)
        culprits.push(`header ${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" to ${Math.round(right)} px`);
    }
    return { excess, culprits };
  });
}

async function phonePage(browser: Browser, baseUrl: string): Promise<Page> {
  const page = await newPage(browser, baseUrl);
  await page.setViewportSize({ width: 320, height: 640 });
  return page;
}

describe('keyboard focus and reflow (WCAG 2.4.7, 1.4.10)', () => {
  it('shows a visible focus indicator on every control of a form reached by Tab', async () => {
    const page = await newPage(b.browser, b.baseUrl);
    await page.goto('/login');
    const login = page.locator('form');
    await login.waitFor();
    expectVisibleFocus(await tabThrough(page, login), 'the sign-in form', [/login-email/, /login-password/, /login-submit|Logga in/]);

    await signIn(page, 'samordnare@exempel.se');
    await page.goto('/assets');
    await page.getByTestId('register-asset').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('asset-name').waitFor();
    expectVisibleFocus(await tabThrough(page, dialog), 'the asset form', [
      /asset-kind/,
      /asset-name/,
      /asset-unit/,
      /asset-submit|Registrera/,
    ]);
    await page.context().close();
  });

  it('fits every page of the app into 320 px without horizontal scrolling', async () => {
    const routes = await manifestRoutes();
    const admin = await phonePage(b.browser, b.baseUrl);
    await signIn(admin, 'admin@exempel.se');
    const coordinator = await phonePage(b.browser, b.baseUrl);
    await signIn(coordinator, 'samordnare@exempel.se');
    const people = [
      { who: 'administrator', page: admin, api: await sessionApi(admin) },
      { who: 'security coordinator', page: coordinator, api: await sessionApi(coordinator) },
    ];
    const adminApi = people[0]!.api;
    const coordinatorApi = people[1]!.api;

    // Real demo objects for the pages of one object: one asset of each kind and the longest name,
    // one classification version of each status, a person, an invitation link.
    const assets = (await coordinatorApi.get<{ items: { id: string; kind: string; name: string }[] }>('/assets?pageSize=200')).items;
    const byKind = [...new Map(assets.map((a) => [a.kind, a.id])).values()];
    const longest = [...assets].sort((x, y) => y.name.length - x.name.length)[0]!.id;
    const versions = (await coordinatorApi.get<{ items: { id: string; status: string }[] }>('/classifications?pageSize=200')).items;
    const users = (await adminApi.get<{ items: { id: string }[] }>('/users?pageSize=5')).items;
    const samples: Record<string, () => Promise<string[]>> = {
      '/assets/:id': async () => [...new Set([...byKind, longest])].map((id) => `/assets/${id}`),
      '/classifications/:id': async () =>
        [...new Map(versions.map((v) => [v.status, v.id])).values()].map((id) => `/classifications/${id}`),
      '/users/:id': async () => [`/users/${users[0]!.id}`],
      '/link/:token': async () => [await invite(adminApi, `bred.${Date.now()}@exempel.se`, 'Smal Skärm')],
      // A plan, a measure and a statement of applicability of the demo (the first of each list).
      '/plans/:id': async () => [`/plans/${(await coordinatorApi.get<{ id: string }[]>('/action-plans'))[0]!.id}`],
      '/measures/:id': async () => [
        `/measures/${(await coordinatorApi.get<{ items: { id: string }[] }>('/measures?pageSize=5')).items[0]!.id}`,
      ],
      '/soa/:id': async () => [`/soa/${(await coordinatorApi.get<{ id: string }[]>('/soa'))[0]!.id}`],
      // The comparison as opened from the list (two years), and without them.
      '/soa/compare': async () => {
        const years = await coordinatorApi.get<{ id: string }[]>('/soa');
        return ['/soa/compare', `/soa/compare?from=${years[1]!.id}&to=${years[0]!.id}`];
      },
    };
    const unsampled = routes.filter((r) => r.path.includes(':') && !samples[r.path]).map((r) => r.path);
    expect(unsampled, 'pages of one object need a demo object here').toEqual([]);

    const may = (r: ManifestRoute, api: (typeof people)[number]['api']) =>
      (!r.permission || api.session.permissions.includes(r.permission)) && (!r.platformAdmin || api.session.user.isPlatformAdmin);
    const failures: string[] = [];
    let visited = 0;
    const axeChecked = new Set<string>();
    const check = async (page: Page, path: string, who: string, route: string) => {
      await page.goto(path);
      // A page that never draws its heading is a failure of its own, named with its address.
      const drawn = await settled(page).then(
        () => true,
        () => false,
      );
      if (!drawn) {
        failures.push(`${path} as ${who}: no heading drawn`);
        return;
      }
      visited++;
      const { excess, culprits } = await overflow(page);
      if (excess > 0 || culprits.length) failures.push(`${path} as ${who}: ${excess} px too wide (${culprits.join(', ')})`);
      // The phone layout (scroll regions, stacked filters, compact header) stays axe clean too; once per page.
      if (!axeChecked.has(route)) {
        axeChecked.add(route);
        await expectNoAxeViolations(page, `${path} as ${who} at 320 px`);
      }
    };
    for (const route of routes) {
      const paths = samples[route.path] ? await samples[route.path]!() : [route.path];
      if (route.public) {
        const visitor = await phonePage(b.browser, b.baseUrl);
        for (const path of paths) await check(visitor, path, 'visitor', route.path);
        await visitor.context().close();
        continue;
      }
      const allowed = people.filter((p) => may(route, p.api));
      expect(allowed.length, `someone in the demo may open ${route.path}`).toBeGreaterThan(0);
      for (const person of allowed) for (const path of paths) await check(person.page, path, person.who, route.path);
    }
    expect(failures).toEqual([]);
    expect(visited).toBeGreaterThanOrEqual(routes.length);
    for (const p of people) await p.page.context().close();
    // Some 45 page visits and an axe run per page: longer than one flow on a loaded machine.
  }, 480_000);
});
