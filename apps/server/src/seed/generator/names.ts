import words from '../data/generator-words.json' with { type: 'json' };
import type { Random } from './random.js';

export interface StructureSpec {
  name: string;
  weight: number;
  operations: string[];
  units: string[];
}

export const structures = words.structures as Record<'region' | 'municipality', StructureSpec[]>;

export function personName(rng: Random): { first: string; last: string; full: string } {
  const first = rng.pick(words.firstNames);
  const last = rng.pick(words.lastNames);
  return { first, last, full: `${first} ${last}` };
}

/** A place name such as "Björkvik" or "Hammarsund": stem + suffix, without doubled joins like "Sjösjö". */
export function placeName(rng: Random): string {
  for (;;) {
    const stem = rng.pick(words.placeStems);
    const suffix = rng.pick(words.placeSuffixes);
    if (stem.toLowerCase().endsWith(suffix) || suffix.startsWith(stem.slice(-1).toLowerCase())) continue;
    return stem + suffix;
  }
}

/** `count` distinct values from `make`; the word lists hold far more combinations than any profile needs. */
export function distinct(count: number, make: () => string, taken = new Set<string>()): string[] {
  const out: string[] = [];
  for (let tries = 0; out.length < count; tries++) {
    if (tries > count * 200) throw new Error(`the word lists cannot make ${count} distinct names`);
    const v = make();
    if (taken.has(v)) continue;
    taken.add(v);
    out.push(v);
  }
  return out;
}

export const regionName = (rng: Random) => `Region ${rng.pick(words.regionPrefixes)}${rng.pick(words.regionStems)}`;

export const municipalityName = (place: string) => `${place} kommun`;

/** Fills {place}, {specialty}, {topic} and {n} in a unit-name pattern. */
export function fillPattern(pattern: string, rng: Random): string {
  return pattern
    .replace('{place}', () => placeName(rng))
    .replace('{specialty}', () => rng.pick(words.specialties))
    .replace('{topic}', () => rng.pick(words.topics))
    .replace('{n}', () => String(rng.int(1, 40)));
}

/** Lower-case ASCII for e-mail addresses and domains: "Åsa Öberg" → "asa.oberg". */
export function ascii(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A valid Swedish organisation number (Luhn check digit) from its first nine digits. */
export function orgNumber(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

export function luhnValid(number: string): boolean {
  const digits = number.replace('-', '');
  return /^\d{10}$/.test(digits) && orgNumber(digits.slice(0, 9)) === number;
}
