import { describe, expect, it } from 'vitest';
import { errorCodes } from '../errors.js';
import { messages } from '../messages.js';
import { permissions, roleGrants, roles } from '../permissions.js';
import { defineCoreModule } from './define.js';
import { coreModules, mergeOwned } from './index.js';

describe('core module folders', () => {
  it('add their permissions, role grants, error codes and texts to the shared vocabulary', () => {
    expect(coreModules.map((m) => m.name)).toContain('information-types');
    expect(permissions).toContain('information_type.manage');
    expect(roles.filter((r) => roleGrants(r, 'information_type.manage'))).toEqual(['security_coordinator']);
    expect(errorCodes.information_type_in_use).toBe(409);
    expect(messages.sv.errors.information_type_in_use).toMatch(/Informationstypen/);
    expect(messages.en.errors.information_type_in_use).toMatch(/information type/);
  });

  it('grant only to roles that exist, and give every error code a Swedish and an English text', () => {
    for (const m of coreModules) {
      for (const [permission, granted] of Object.entries(m.permissions)) {
        for (const role of granted) expect(roles as readonly string[], `${m.name}: ${permission} → ${role}`).toContain(role);
      }
      for (const code of Object.keys(m.errors)) {
        expect(m.messages.sv.errors ?? {}, `${m.name}: ${code}`).toHaveProperty(code);
        expect(m.messages.en.errors ?? {}, `${m.name}: ${code}`).toHaveProperty(code);
      }
    }
  });

  it('refuse a key that the central table or another module already owns', () => {
    // A fixed list of modules, so the test holds however many modules the registry has.
    const risks = defineCoreModule({ name: 'risks', errors: { risk_closed: 409 }, messages: { sv: {}, en: {} } });
    const plans = defineCoreModule({ name: 'plans', errors: { plan_closed: 409 }, messages: { sv: {}, en: {} } });
    const alsoRisks = defineCoreModule({ name: 'also-risks', errors: { risk_closed: 400 }, messages: { sv: {}, en: {} } });
    const errors = (m: { errors: Record<string, number> }) => m.errors;
    expect(mergeOwned('error code', { forbidden: 403 }, errors, [risks, plans])).toEqual({
      forbidden: 403,
      risk_closed: 409,
      plan_closed: 409,
    });
    expect(() => mergeOwned('error code', { risk_closed: 403 }, errors, [risks])).toThrow(/risk_closed is declared twice \(module risks\)/);
    expect(() => mergeOwned('error code', { forbidden: 403 }, errors, [risks, plans, alsoRisks])).toThrow(
      /risk_closed is declared twice \(module also-risks\)/,
    );
  });
});
