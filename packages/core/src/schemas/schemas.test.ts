import { describe, expect, it } from 'vitest';
import { pageQuery, text } from './common.js';
import { unitListQuery, createUnitBody } from './units.js';
import { userListQuery, inviteUserBody } from './users.js';
import { auditListQuery } from './audit.js';
import { loginBody, passwordPolicy } from './auth.js';
import { createOrganizationBody, orgNumber } from './organizations.js';
import { createTokenBody } from './tokens.js';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;
const pathsOf = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => i.path.join('.'));

describe('list queries', () => {
  it('page from 1, page size 1–500, defaults 1 and 50, numbers given as query text', () => {
    expect(pageQuery.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(pageQuery.parse({ page: '3', pageSize: '500' })).toEqual({ page: 3, pageSize: 500 });
    for (const bad of [
      { page: '0' },
      { page: '-1' },
      { page: '1.5' },
      { page: '100001' },
      { pageSize: '0' },
      { pageSize: '501' },
      { page: 'two' },
    ]) {
      expect(ok(pageQuery, bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('sorts by a field name, optionally descending, and nothing else', () => {
    for (const sort of ['name', '-name', 'last_login_at', '-createdAt']) expect(ok(pageQuery, { sort }), sort).toBe(true);
    for (const sort of ['', '--name', 'name desc', 'name;drop table users', 'a'.repeat(61)])
      expect(ok(pageQuery, { sort }), sort).toBe(false);
  });

  it('trims the search text and bounds it', () => {
    expect(pageQuery.parse({ q: '  berg ' }).q).toBe('berg');
    expect(ok(pageQuery, { q: 'x'.repeat(201) })).toBe(false);
  });

  it('unit lists leave closed units out unless asked with exactly true', () => {
    expect(unitListQuery.parse({})).toEqual({ includeClosed: false });
    expect(unitListQuery.parse({ includeClosed: 'true' })).toEqual({ includeClosed: true });
    expect(unitListQuery.parse({ includeClosed: 'false' })).toEqual({ includeClosed: false });
    for (const v of ['1', 'yes', 'TRUE', '']) expect(ok(unitListQuery, { includeClosed: v }), v).toBe(false);
  });

  it('user and audit filters take known values only', () => {
    expect(ok(userListQuery, { status: 'invited', role: 'auditor', unitId: '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b' })).toBe(true);
    expect(pathsOf(userListQuery, { status: 'gone', role: 'king', unitId: 'x' })).toEqual(['status', 'role', 'unitId']);
    expect(ok(auditListQuery, { from: '2026-01-01T00:00:00Z', to: '2026-01-31T23:59:59+01:00' })).toBe(true);
    expect(pathsOf(auditListQuery, { from: '2026-01-01', actorUserId: 'nobody' })).toEqual(['actorUserId', 'from']);
    // The log is always newest first: no other sort is taken.
    expect(ok(auditListQuery, { sort: 'id' })).toBe(false);
    expect(auditListQuery.parse({}).sort).toBe('-occurredAt');
  });
});

describe('bodies', () => {
  it('text is trimmed, may not be blank, and is bounded', () => {
    expect(text(5).parse('  Hej ')).toBe('Hej');
    expect(ok(text(5), '   ')).toBe(false);
    expect(ok(text(5), '123456')).toBe(false);
  });

  it('e-mail addresses are trimmed and lower-cased', () => {
    expect(loginBody.parse({ email: ' Anna@Region.SE ', password: 'x' }).email).toBe('anna@region.se');
    expect(
      inviteUserBody.parse({ email: 'A@B.se', name: 'A', role: 'auditor', unitId: '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b' }).email,
    ).toBe('a@b.se');
    expect(ok(loginBody, { email: 'not-an-address', password: 'x' })).toBe(false);
  });

  it('passwords have at least 12 characters', () => {
    expect(ok(passwordPolicy, 'x'.repeat(11))).toBe(false);
    expect(ok(passwordPolicy, 'x'.repeat(12))).toBe(true);
    expect(ok(passwordPolicy, 'x'.repeat(201))).toBe(false);
  });

  it('organisation numbers are checked and normalised', () => {
    expect(orgNumber.parse('2321000016')).toBe('232100-0016');
    const r = createOrganizationBody.safeParse({
      name: 'R',
      orgNumber: '232100-0017',
      kind: 'region',
      admin: { email: 'a@b.se', name: 'A' },
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['orgNumber', 'invalid_org_number']]);
  });

  it('only the top unit is of the kind organization', () => {
    expect(pathsOf(createUnitBody, { parentId: '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', name: 'X', kind: 'organization' })).toEqual([
      'kind',
    ]);
  });

  it('API tokens expire after 1 to 730 days, or never', () => {
    expect(ok(createTokenBody, { name: 'I', scope: 'read' })).toBe(true);
    expect(ok(createTokenBody, { name: 'I', scope: 'read', expiresInDays: null })).toBe(true);
    expect(ok(createTokenBody, { name: 'I', scope: 'write', expiresInDays: 730 })).toBe(true);
    for (const d of [0, 731, 1.5]) expect(ok(createTokenBody, { name: 'I', scope: 'read', expiresInDays: d }), String(d)).toBe(false);
    expect(ok(createTokenBody, { name: 'I', scope: 'admin' })).toBe(false);
  });
});
