import data from '../data/common-passwords.json' with { type: 'json' };

const words = new Set(data.words.map((w) => w.toLowerCase()));
const list = [...words];
// Letter-for-digit swaps people make to satisfy "use a digit" rules.
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const edges = /^[^\p{L}]+|[^\p{L}]+$/gu;

/**
 * Is the password one a guesser tries first? The length rule alone lets `Sommar2024!!` and
 * `password1234` through; these are what password-guessing lists start with. The words are data
 * (`data/common-passwords.json`): a password is refused when, lowercased, with the digits and symbols
 * at its ends removed and letter-for-digit swaps undone, it is a listed word or a repetition of one,
 * or when it has no letters at all or fewer than four distinct characters.
 */
export function isCommonPassword(password: string): boolean {
  const s = password.normalize('NFC').toLowerCase();
  if (words.has(s)) return true;
  if (new Set(s).size < 4) return true;
  const core = s.replace(edges, '');
  if (!core) return true;
  const plain = [...core]
    .map((c) => LEET[c] ?? c)
    .join('')
    .replace(edges, '');
  for (const candidate of new Set([core, plain])) {
    if (words.has(candidate)) return true;
    for (const w of list) if (candidate.length % w.length === 0 && w.repeat(candidate.length / w.length) === candidate) return true;
  }
  return false;
}
