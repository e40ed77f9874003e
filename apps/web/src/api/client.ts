import type { ApiErrorBody, FieldIssue, Locale } from '@tillit/core';
import { messages } from '@tillit/core/messages';

/** A failed API call, carrying the server's error code, its localized message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * Field errors keyed by field path without the leading 'body'/'query' segment
   * (`['body', 'admin', 'email']` → `admin.email`). The server reports them either as
   * `details.issues` (schema validation) or as `details.field` (a rule on one field).
   */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const details = this.details as { issues?: FieldIssue[]; field?: string } | undefined;
    for (const issue of details?.issues ?? []) {
      const path = issue.path.slice(1).join('.');
      if (path && !out[path]) out[path] = issue.message;
    }
    if (typeof details?.field === 'string' && !out[details.field]) out[details.field] = this.message;
    return out;
  }

  /** Seconds to wait, when the server said so (locked account, throttled sign-in). */
  get retryAfterSeconds(): number | null {
    const value = (this.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    return typeof value === 'number' && value > 0 ? value : null;
  }
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

// The CSRF token belongs to the session cookie; it is handed to us in every SessionView.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token || null;
}

let currentLocale: () => Locale = () => 'sv';
/** Lets the i18n module tell the client which language to ask the server for. */
export function setLocaleSource(source: () => Locale): void {
  currentLocale = source;
}

type LocalErrorCode = 'network' | 'internal';
let localErrorText: (code: LocalErrorCode) => string = (code) => messages[currentLocale()].errors[code === 'network' ? 'internal' : code];
/** Failures that never reached the server get their text from the translation files through i18n. */
export function setLocalErrorText(source: (code: LocalErrorCode) => string): void {
  localErrorText = source;
}

function localError(status: number, code: LocalErrorCode): ApiError {
  return new ApiError(status, code, localErrorText(code));
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  /**
   * The version (`rowVersion`) the change starts from, sent as `If-Match`. Every change of a
   * versioned object sends it; the server answers 412 `edit_conflict` when someone saved in between.
   */
  ifMatch?: number;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const url = `/api/v1${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

/** The one way the web app talks to the API. Features call the typed functions in `endpoints.ts`. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  // Only send a content type with a body: the server refuses an empty JSON body. A file (Blob) goes as is.
  const raw = options.body instanceof Blob ? options.body : null;
  if (options.body !== undefined) headers['content-type'] = raw ? raw.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : (raw ?? JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw localError(0, 'network');
  }

  if (response.status === 204) return undefined as T;
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  const payload: unknown = isJson ? await response.json().catch(() => null) : null;
  if (response.ok) return payload as T;

  const error = (payload as ApiErrorBody | null)?.error;
  if (error && typeof error.code === 'string') {
    const failure = new ApiError(response.status, error.code, error.message, error.details);
    if (failure.code === 'edit_conflict') for (const listener of conflictListeners) listener(failure);
    throw failure;
  }
  throw localError(response.status, 'internal');
}

type ConflictListener = (error: ApiError) => void;
const conflictListeners = new Set<ConflictListener>();
/**
 * Someone else saved the object since it was loaded (412): the one shared `EditConflictNotice`
 * listens here and offers to reload, whichever page or dialog made the change. The form that sent it
 * keeps what the person entered, since its mutation only failed.
 */
export function onEditConflict(listener: ConflictListener): () => void {
  conflictListeners.add(listener);
  return () => void conflictListeners.delete(listener);
}
