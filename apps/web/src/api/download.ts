import i18n from 'i18next';
import type { ApiErrorBody } from '@tillit/core';
import { ApiError } from './client';

/**
 * Downloads a file from a GET endpoint (Excel export, JSON library, import template). Fetching
 * rather than following a link lets a refusal show as a message instead of a page of JSON.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { 'accept-language': i18n.language === 'en' ? 'en' : 'sv' } });
  } catch {
    throw new ApiError(0, 'network', i18n.t('common:clientErrors.network'));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    if (body?.error) throw new ApiError(response.status, body.error.code, body.error.message, body.error.details);
    throw new ApiError(response.status, 'internal', i18n.t('errors:internal'));
  }
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the object URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
