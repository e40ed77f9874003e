import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * The signed-in page's session, for calls the specs make beside the browser (setting up data the
 * flow under test needs). Requests share the page's cookies; changes carry the CSRF token.
 */
export async function sessionApi(page: Page) {
  const session = await page.request.get('/api/v1/auth/session');
  expect(session.status(), 'signed in').toBe(200);
  const view = (await session.json()) as {
    csrfToken: string;
    permissions: string[];
    user: { isPlatformAdmin: boolean; organizationId: string };
  };
  const headers = { 'x-csrf-token': view.csrfToken };
  return {
    session: view,
    async get<T>(path: string): Promise<T> {
      const res = await page.request.get(`/api/v1${path}`);
      expect(res.status(), `GET ${path}`).toBe(200);
      return (await res.json()) as T;
    },
    async post<T>(path: string, body: unknown): Promise<T> {
      const res = await page.request.post(`/api/v1${path}`, { data: body, headers });
      expect(res.status(), `POST ${path}: ${await res.text()}`).toBeLessThan(300);
      return (await res.json()) as T;
    },
  };
}

/** The root unit of the signed-in person's organisation. */
export async function rootUnitId(api: Awaited<ReturnType<typeof sessionApi>>): Promise<string> {
  const units = await api.get<{ id: string; parentId: string | null }[]>('/units');
  return units.find((u) => u.parentId === null)!.id;
}

/** Invites a person in the signed-in administrator's organisation and returns the one-time link's path. */
export async function invite(api: Awaited<ReturnType<typeof sessionApi>>, email: string, name: string, role = 'auditor'): Promise<string> {
  const answer = await api.post<{ link: string | null }>('/users', { email, name, role, unitId: await rootUnitId(api) });
  expect(answer.link, 'the link is shown while mail is not set up').toBeTruthy();
  return new URL(answer.link!).pathname;
}
