import { isValidOrgNumber } from '@tillit/core/rules/orgnr';
import i18n from 'i18next';

/** Client-side checks mirror the server's schemas so people see mistakes before sending. */
export const MIN_PASSWORD_LENGTH = 12;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredText(value: string, max = 200): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return i18n.t('common:validation.required');
  if (trimmed.length > max) return i18n.t('common:validation.tooLong', { max });
  return undefined;
}

export function optionalTextError(value: string, max = 2000): string | undefined {
  return value.trim().length > max ? i18n.t('common:validation.tooLong', { max }) : undefined;
}

export function emailError(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return i18n.t('common:validation.required');
  if (!EMAIL.test(trimmed) || trimmed.length > 254) return i18n.t('common:validation.email');
  return undefined;
}

export function newPasswordError(value: string): string | undefined {
  if (value.length < MIN_PASSWORD_LENGTH) return i18n.t('common:validation.passwordLength', { min: MIN_PASSWORD_LENGTH });
  if (value.length > 200) return i18n.t('common:validation.tooLong', { max: 200 });
  return undefined;
}

export function repeatPasswordError(password: string, repeat: string): string | undefined {
  return password !== repeat ? i18n.t('common:validation.passwordMismatch') : undefined;
}

export function orgNumberError(value: string): string | undefined {
  if (!value.trim()) return i18n.t('common:validation.required');
  return isValidOrgNumber(value) ? undefined : i18n.t('common:validation.orgNumber');
}

export function selectionError(value: string | null | undefined): string | undefined {
  return value ? undefined : i18n.t('common:validation.choose');
}

/** Keeps only the errors that are set; an empty object means the form may be sent. */
export function collectErrors<T extends Record<string, string | undefined>>(errors: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(errors)) if (value) (out as Record<string, string>)[key] = value;
  return out;
}
