import { describe, expect, it } from 'vitest';
import { messages } from './messages.js';
import { roles } from './permissions.js';

describe('role names', () => {
  it('name every role in Swedish and English, so no role code is shown to a person', () => {
    for (const role of roles) {
      expect(messages.sv.roles[role], role).toMatch(/^\p{Lu}/u);
      expect(messages.en.roles[role], role).toMatch(/^\p{Lu}/u);
    }
    expect(Object.keys(messages.sv.roles).sort()).toEqual([...roles].sort());
  });
});
