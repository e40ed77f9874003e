/**
 * Concurrent writers creating units through the API, remembering every creation the API
 * acknowledged (2xx): those are the writes that must survive any crash.
 */
export interface AckedUnit {
  id: string;
  name: string;
  parentId: string;
}

export interface WriteLoad {
  acked: AckedUnit[];
  attempts: number;
  failures: number;
  stop(): Promise<void>;
}

export function startWriteLoad(opts: {
  baseUrl: () => string;
  session: () => { cookie: string; csrf: string };
  parentId: string;
  prefix: string;
  writers: number;
}): WriteLoad {
  const load: WriteLoad = { acked: [], attempts: 0, failures: 0, stop: async () => undefined };
  let running = true;
  const writer = async (w: number) => {
    for (let n = 0; running; n++) {
      const name = `${opts.prefix}-${w}-${n}`;
      load.attempts++;
      try {
        const s = opts.session();
        const r = await fetch(`${opts.baseUrl()}/api/v1/units`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
          body: JSON.stringify({ parentId: opts.parentId, name, kind: 'unit' }),
          signal: AbortSignal.timeout(15_000),
        });
        const body = (await r.json().catch(() => null)) as { id?: string; name?: string; parentId?: string } | null;
        if (r.status >= 200 && r.status < 300 && body?.id) load.acked.push({ id: body.id, name: body.name!, parentId: body.parentId! });
        else {
          load.failures++;
          await new Promise((res) => setTimeout(res, 50));
        }
      } catch {
        // Refused or cut off by a crash: the outcome is unknown, so nothing is expected of it.
        load.failures++;
        await new Promise((res) => setTimeout(res, 50));
      }
    }
  };
  const all = Array.from({ length: opts.writers }, (_, w) => writer(w));
  load.stop = async () => {
    running = false;
    await Promise.all(all);
  };
  return load;
}
