/**
 * Swedish organisation number (organisationsnummer): ten digits, NNNNNN-NNNN,
 * the last a Luhn check digit over the first nine.
 */
export function normalizeOrgNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidOrgNumber(input: string): boolean {
  const normalized = normalizeOrgNumber(input);
  if (!normalized) return false;
  const digits = normalized.replace('-', '');
  return luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}
