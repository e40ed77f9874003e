import { afterEach, describe, expect, it, vi } from 'vitest';
import { isApiError, onEditConflict, request } from './client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the API client and concurrent edits', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the version a change starts from as If-Match', async () => {
    const fetchMock = vi.fn(async () => json(200, { id: 'x', rowVersion: 4 }));
    vi.stubGlobal('fetch', fetchMock);
    await request('PATCH', '/assets/x', { body: { name: 'Ny' }, ifMatch: 3 });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>)['if-match']).toBe('"3"');
  });

  it('announces a 412 edit_conflict to the shared notice and still fails the call', async () => {
    vi.stubGlobal('fetch', async () =>
      json(412, { error: { code: 'edit_conflict', message: 'Någon annan har ändrat detta', details: { currentVersion: 5 } } }),
    );
    const heard: string[] = [];
    const stop = onEditConflict((e) => heard.push(e.message));
    const call = request('PATCH', '/assets/x', { body: {}, ifMatch: 3 });
    await expect(call).rejects.toSatisfy((e) => isApiError(e, 'edit_conflict'));
    expect(heard).toEqual(['Någon annan har ändrat detta']);
    stop();
    await request('PATCH', '/assets/x', { body: {}, ifMatch: 3 }).catch(() => undefined);
    expect(heard).toHaveLength(1);
  });
});
