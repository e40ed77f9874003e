import { describe, expect, it } from 'vitest';
import { errorCodes } from './errors.js';
import { errorMessage, mailText, messages, pickLocale } from './messages.js';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('server texts', () => {
  it('have a Swedish and an English message for every error code', () => {
    for (const code of [...Object.keys(errorCodes), 'internal']) {
      expect(messages.sv.errors, code).toHaveProperty(code);
      expect(messages.en.errors, code).toHaveProperty(code);
    }
  });

  it('have the same keys in both languages', () => {
    expect(keysOf(messages.sv).sort()).toEqual(keysOf(messages.en).sort());
  });

  it('answer in Swedish unless English comes first in Accept-Language', () => {
    expect(pickLocale(undefined)).toBe('sv');
    expect(pickLocale('en-GB,en;q=0.9')).toBe('en');
    expect(pickLocale('sv-SE,en;q=0.5')).toBe('sv');
    expect(pickLocale('de')).toBe('sv');
    expect(errorMessage('en', 'no_such_code')).toBe(messages.en.errors.internal);
  });

  it('fill in mail templates', () => {
    const text = mailText('sv', 'invitation_body', { name: 'Anna', organization: 'Region Exempel', link: 'https://x/link/abc' });
    expect(text).toContain('Anna');
    expect(text).toContain('https://x/link/abc');
    expect(text).not.toMatch(/\{\{/);
  });
});
