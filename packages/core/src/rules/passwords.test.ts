import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './passwords.js';

describe('common passwords', () => {
  it('refuses listed words with digits and symbols around them, letter-for-digit swaps and repetitions', () => {
    for (const p of [
      'password1234',
      'P@ssw0rd2024!',
      'Sommar2024!!',
      'Lösenord12345',
      'qwertyuiop123',
      '123456789012',
      'hejsanhejsan',
      '!!!!!!!!!!!!',
      'aaaaaaaaaaab',
      'Välkommen2026',
      'Stockholm1234',
    ]) {
      expect(isCommonPassword(p), p).toBe(true);
    }
  });

  it('accepts passwords that are not built on a listed word', () => {
    for (const p of ['correct-horse-battery', 'blåbärssylt på tisdagar', 'Xk9#mQ2!vLp8', 'tre gröna äpplen i korgen']) {
      expect(isCommonPassword(p), p).toBe(false);
    }
  });
});
