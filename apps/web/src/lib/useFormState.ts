import { useCallback, useRef, useState } from 'react';
import { isApiError } from '../api';

export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

/**
 * Values and field errors of one small form. Field errors come from client-side checks or from the
 * server's `details.issues`, and each is cleared as soon as the person edits that field.
 */
export function useFormState<T extends Record<string, unknown>>(initial: T) {
  const initialRef = useRef(initial);
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors<T>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const setValue = useCallback(<K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => (prev[key] ? { ...prev, [key]: undefined } : prev));
  }, []);

  const reset = useCallback((next?: T) => {
    setValues(next ?? initialRef.current);
    setErrors({});
    setFormError(null);
  }, []);

  /** Shows a failed request: field messages beside their fields, the overall message above the form. */
  const showError = useCallback((error: unknown, fieldMap: Record<string, keyof T & string> = {}) => {
    if (isApiError(error)) {
      const byField: FieldErrors<T> = {};
      for (const [path, message] of Object.entries(error.fieldErrors)) {
        const key = (fieldMap[path] ?? path) as keyof T & string;
        byField[key] = message;
      }
      setErrors(byField);
      setFormError(error.message);
    } else {
      setFormError(error instanceof Error ? error.message : String(error));
    }
  }, []);

  return { values, setValue, setValues, errors, setErrors, formError, setFormError, reset, showError };
}
