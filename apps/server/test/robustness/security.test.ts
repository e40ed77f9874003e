import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../src/modules/index.js';
import { BODY_LIMIT } from '../../src/app.js';
import { PASSWORD, seedOrg } from '../helpers/app.js';
import { errorCode, errorShapeProblem, mintSession, useRobustApp } from './support/harness.js';

/** Headers, limits and cookies an installation relies on, checked on the real app. */
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-web-'));
fs.writeFileSync(
  path.join(webDist, 'index.html'),
  '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
);

const plain = useRobustApp({ TILLIT_WEB_DIST: webDist });
const https = useRobustApp({ TILLIT_PUBLIC_URL: 'https://tillit.region.example', TILLIT_WEB_DIST: webDist });
const routes = allRoutes();
const concrete = (url: string) => url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');

function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function expectStrictHeaders(res: LightMyRequestResponse, what: string) {
  const csp = directives(res);
  expect(csp.size, `${what}: content-security-policy`).toBeGreaterThan(0);
  expect(csp.get('default-src'), what).toEqual(["'self'"]);
  const script = csp.get('script-src') ?? csp.get('default-src')!;
  expect(script, what).toContain("'self'");
  for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:'])
    expect(script, `${what}: script-src ${loose}`).not.toContain(loose);
  expect(csp.get('object-src'), what).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(csp.get('base-uri'), what).toEqual(["'self'"]);
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBeDefined();
  expect(res.headers['x-powered-by'], what).toBeUndefined();
  expect(res.headers.server, what).toBeUndefined();
}

async function adminOf(t: typeof plain) {
  const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
  return { ...(await mintSession(t.app, t.db, users.admin!.id)), email: users.admin!.email };
}

describe('security headers', () => {
  it('sends a strict CSP, frame denial and no server banner on API, UI, documentation and error answers', async () => {
    const admin = await adminOf(plain);
    const answers: [string, LightMyRequestResponse][] = [
      ['API 200', await admin.request({ method: 'GET', url: '/api/v1/auth/session' })],
      ['API 401', await plain.app.inject({ method: 'GET', url: '/api/v1/auth/session' })],
      ['API 404', await plain.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' })],
      ['API 400', await admin.request({ method: 'POST', url: '/api/v1/units', payload: { parentId: 'x' } })],
      ['web app', await plain.app.inject({ method: 'GET', url: '/' })],
      ['web app deep link', await plain.app.inject({ method: 'GET', url: '/units/123' })],
      ['health', await plain.app.inject({ method: 'GET', url: '/healthz' })],
      ['OpenAPI', await plain.app.inject({ method: 'GET', url: '/api/docs/json' })],
      ['API docs page', await plain.app.inject({ method: 'GET', url: '/api/docs/static/index.html' })],
    ];
    for (const [what, res] of answers) {
      expect(res.statusCode, what).toBeLessThan(500);
      expectStrictHeaders(res, what);
    }
    expect(answers[4]![1].headers['content-type']).toMatch(/text\/html/);
  });

  it('answers an unknown /api/ path with the JSON error, not the web app', async () => {
    const res = await plain.app.inject({ method: 'GET', url: '/api/v2/units' });
    expect(res.statusCode).toBe(404);
    expect(errorShapeProblem(res)).toBeNull();
  });

  it('sends HSTS only when the public address is https', async () => {
    const a = await plain.app.inject({ method: 'GET', url: '/healthz' });
    expect(a.headers['strict-transport-security']).toBeUndefined();
    const b = await https.app.inject({ method: 'GET', url: '/healthz' });
    expect(b.headers['strict-transport-security']).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(String(b.headers['strict-transport-security']))![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(b.headers['strict-transport-security']).toMatch(/includeSubDomains/);
    // Upgrading requests to https on a plain-http installation would break it.
    for (const url of ['/healthz', '/api/docs/static/index.html']) {
      expect(directives(await plain.app.inject({ method: 'GET', url })).has('upgrade-insecure-requests'), url).toBe(false);
      expect(directives(await https.app.inject({ method: 'GET', url })).has('upgrade-insecure-requests'), url).toBe(true);
    }
  });

  it('marks every API answer no-store, errors included', async () => {
    const admin = await adminOf(plain);
    for (const r of routes) {
      const res = await plain.app.inject({ method: r.method, url: concrete(r.url) });
      expect(res.headers['cache-control'], `${r.method} ${r.url}`).toBe('no-store');
    }
    for (const url of ['/api/v1/auth/session', '/api/v1/units', '/api/docs/json', '/api/v1/units/%ZZ', '/api/v1/nothing']) {
      const res = await admin.request({ method: 'GET', url });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('does not allow cross-origin reads (no CORS headers)', async () => {
    const admin = await adminOf(plain);
    const res = await admin.request({ method: 'GET', url: '/api/v1/auth/session', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await plain.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/units',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.statusCode).toBeGreaterThanOrEqual(400);
  });
});

describe('limits', () => {
  it(`refuses bodies over ${BODY_LIMIT} bytes with 413 payload_too_large on every route that takes a body`, async () => {
    const admin = await adminOf(plain);
    const huge = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT + 10) });
    const withBody = routes.filter((r) => r.body && !r.raw);
    expect(withBody.length).toBeGreaterThan(5);
    for (const r of withBody) {
      for (const send of [admin.request, plain.app.inject.bind(plain.app)]) {
        const res = await send({ method: r.method, url: concrete(r.url), payload: huge, headers: { 'content-type': 'application/json' } });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(413);
        expect(errorShapeProblem(res)).toBeNull();
        expect(errorCode(res)).toBe('payload_too_large');
      }
    }
  });

  it('throttles sign-in per client address: 429 after many attempts, even with the right password', async () => {
    const { users } = await seedOrg(plain.db, [{ role: 'admin' }]);
    const attempt = (remoteAddress: string, email: string, password: string, headers: Record<string, string> = {}) =>
      plain.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers, payload: { email, password } });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      // A forwarded-for header must not give a new identity while the proxy is not trusted.
      const res = await attempt('203.0.113.7', `nobody${i}@example.org`, 'wrong-password-123', { 'x-forwarded-for': `198.51.100.${i}` });
      statuses.push(res.statusCode);
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    const blocked = await attempt('203.0.113.7', users.admin!.email, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(errorShapeProblem(blocked)).toBeNull();
    expect(errorCode(blocked)).toBe('too_many_requests');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await attempt('203.0.113.8', users.admin!.email, PASSWORD);
    expect(elsewhere.statusCode).toBe(200);
  });
});

describe('session cookie', () => {
  for (const [name, t, secure] of [
    ['http', plain, false],
    ['https', https, true],
  ] as const) {
    it(`is HttpOnly, SameSite=Lax, path / ${secure ? 'and Secure' : 'and not Secure'} under ${name}`, async () => {
      const { users } = await seedOrg(t.db, [{ role: 'admin' }]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '192.0.2.10',
        payload: { email: users.admin!.email, password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const raw = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]).find((c) => c.startsWith('tillit_session='))!;
      const attrs = raw
        .split(';')
        .slice(1)
        .map((a) => a.trim().toLowerCase());
      expect(attrs).toContain('httponly');
      expect(attrs).toContain('samesite=lax');
      expect(attrs).toContain('path=/');
      expect(attrs.includes('secure')).toBe(secure);
      expect(res.body).not.toContain(raw.split(';')[0]!.split('=')[1]);
    });
  }

  it('refuses a change made with the cookie but without the CSRF token', async () => {
    const admin = await adminOf(plain);
    const cookie = `tillit_session=${admin.cookie}`;
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'forged' }]) {
      const res = await plain.app.inject({ method: 'PATCH', url: '/api/v1/auth/profile', headers, payload: { locale: 'en' } });
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('csrf_failed');
    }
    const ok = await admin.request({ method: 'PATCH', url: '/api/v1/auth/profile', payload: { locale: 'en' } });
    expect(ok.statusCode).toBe(204);
  });
});

beforeAll(() => () => fs.rmSync(webDist, { recursive: true, force: true }));
