import { describe, expect, it } from 'vitest';
import { isValidOrgNumber, luhnCheckDigit, normalizeOrgNumber } from './orgnr.js';

describe('organisation numbers', () => {
  it('accepts real organisation numbers', () => {
    // Skatteverket, Region Stockholm, Göteborgs kommun, a limited company.
    for (const n of ['202100-5448', '232100-0016', '212000-1355', '556016-0680']) expect(isValidOrgNumber(n), n).toBe(true);
  });

  it('accepts the usual ways of writing one and normalises them to NNNNNN-NNNN', () => {
    for (const written of ['232100-0016', '2321000016', '232100 0016', ' 232100-0016 ', '23 21 00 00 16']) {
      expect(isValidOrgNumber(written), written).toBe(true);
      expect(normalizeOrgNumber(written), written).toBe('232100-0016');
    }
  });

  it('refuses a wrong check digit', () => {
    for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(`232100-001${d}`)).toBe(d === 6);
  });

  it('refuses wrong lengths, letters and other separators', () => {
    for (const n of [
      '',
      '232100-001',
      '232100-00166',
      '16232100-0016',
      '23210A-0016',
      '232100/0016',
      '232100+0016',
      '２３２１００-００１６',
    ]) {
      expect(isValidOrgNumber(n), n).toBe(false);
      expect(normalizeOrgNumber(n), n).toBeNull();
    }
  });

  it('computes the Luhn digit: doubling every other digit from the first', () => {
    expect(luhnCheckDigit('232100001')).toBe(6);
    expect(luhnCheckDigit('000000000')).toBe(0);
    expect(luhnCheckDigit('100000000')).toBe(8); // 1×2 = 2 → 10 − 2
    expect(luhnCheckDigit('500000000')).toBe(9); // 5×2 = 10 → 1 + 0 = 1 → 10 − 1
  });

  it('catches every single changed digit and every swap of neighbouring different digits', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 10;
    for (let i = 0; i < 300; i++) {
      const nine = Array.from({ length: 9 }, random).join('');
      const valid = nine + luhnCheckDigit(nine);
      expect(isValidOrgNumber(valid), valid).toBe(true);
      for (let pos = 0; pos < 10; pos++) {
        const changed = valid.slice(0, pos) + ((Number(valid[pos]) + 1 + (random() % 9)) % 10) + valid.slice(pos + 1);
        expect(isValidOrgNumber(changed), `${valid} → ${changed}`).toBe(false);
      }
      for (let pos = 0; pos < 9; pos++) {
        const [a, b] = [valid[pos]!, valid[pos + 1]!];
        // 0↔9 is the one neighbour swap the Luhn digit cannot see.
        if (a === b || a + b === '09' || a + b === '90') continue;
        const swapped = valid.slice(0, pos) + b + a + valid.slice(pos + 2);
        expect(isValidOrgNumber(swapped), `${valid} → ${swapped}`).toBe(false);
      }
    }
  });
});
