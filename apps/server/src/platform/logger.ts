/**
 * One-time links carry their secret in the path (`/link/<token>`, `/api/v1/auth/links/<token>`):
 * a log line must never hold a usable invitation or reset, whatever the level. The query string is
 * dropped for the same reason.
 */
export function redactUrl(url: string): string {
  return (url.split('?')[0] ?? '').replace(/(\/links?\/)(?!accept(?:$|\/))[^/]+/g, '$1[redacted]');
}

/** Structured JSON logs; credentials and personal data never reach them. */
export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.email',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: redactUrl(req.url), id: req.id }),
    },
  };
}
