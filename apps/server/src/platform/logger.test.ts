import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, redactUrl } from './logger.js';

describe('request logs', () => {
  it('never hold a one-time link’s token, nor the query string', () => {
    expect(redactUrl('/link/abcDEF_123-xyz')).toBe('/link/[redacted]');
    expect(redactUrl('/api/v1/auth/links/abcDEF_123-xyz?x=1')).toBe('/api/v1/auth/links/[redacted]');
    expect(redactUrl('/api/v1/auth/links/accept')).toBe('/api/v1/auth/links/accept');
    expect(redactUrl('/api/v1/assets/1/links/2')).toBe('/api/v1/assets/1/links/[redacted]');
  });

  it('at the most verbose level too', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) });
    const log = pino(loggerOptions('trace'), sink);
    log.trace({ req: { method: 'GET', url: '/api/v1/auth/links/s3cr3t-token-value', id: '1' } }, 'incoming request');
    expect(lines.join('')).not.toContain('s3cr3t-token-value');
    expect(lines.join('')).toContain('[redacted]');
  });
});
