import { klassaPresetModel, NOT_RELEVANT } from '@tillit/core';

/**
 * The crash test's write load: concurrent workers that create, rename and delete units, take assets
 * through classification to a four-eyes approval, and import spreadsheets — through the API, as
 * people would. Every change the API acknowledged (2xx) is remembered with what it must have left in
 * the database and in the audit log; a change whose answer was lost (cut off by a crash) is unknown
 * and makes the state of its object uncertain until the next acknowledged change.
 */
export interface Session {
  cookie: string;
  csrf: string;
}

export type Acked =
  | { op: 'create'; unitId: string; name: string; parentId: string }
  | { op: 'update'; unitId: string; name: string }
  | { op: 'delete'; unitId: string }
  | { op: 'approve'; versionId: string; assetId: string; approverName: string }
  | { op: 'import'; importId: string; names: string[] };

export interface UnitState {
  /** Present and with this name, or deleted; null when the last change's outcome is unknown. */
  expected: { name: string } | 'deleted' | null;
}

export interface CrashLoad {
  acked: Acked[];
  units: Map<string, UnitState>;
  attempts: number;
  failures: number;
  counts(): Record<Acked['op'], number>;
  /** Lets every worker finish its current change and hold, so a check sees a state that stands still. */
  pause(): Promise<void>;
  resume(): void;
  stop(): Promise<void>;
}

/** Every consequence category of the aspect assessed, as issue 9 asks: the given levels, the rest "ej relevant". */
const all = (levels: Record<string, number>) =>
  Object.fromEntries(klassaPresetModel.categories.map((c) => [c.key, levels[c.key] ?? NOT_RELEVANT]));

const CLASSIFICATION = {
  answers: {
    C: all({ privacy: 3, life_health: 2 }),
    I: all({ life_health: 3 }),
    A: all({ operations: 3 }),
    T: all({ legal: 2 }),
  },
  justifications: {
    C: 'Journaluppgifter om patienter.',
    I: 'Fel uppgift kan ge fel behandling.',
    A: 'Mottagningen stannar utan journalen.',
    T: 'Loggning krävs enligt lag.',
  },
};

export function startCrashLoad(opts: {
  baseUrl: () => string;
  /**
   * The administrator (units), the system steward of a förvaltning (assets, classification), the
   * information owner named on the assets (she decides — four eyes) and the security coordinator (imports).
   */
  sessions: () => { writer: Session; steward: Session; approver: Session; importer: Session };
  approverName: string;
  /** The information owner who decides: named on every asset the load creates. */
  approverId: string;
  rootUnitId: string;
  /** The förvaltning the steward works on. */
  assetUnitId: string;
  prefix: string;
  workers: number;
  random: () => number;
}): CrashLoad {
  const load: CrashLoad = {
    acked: [],
    units: new Map(),
    attempts: 0,
    failures: 0,
    counts: () => {
      const c = { create: 0, update: 0, delete: 0, approve: 0, import: 0 };
      for (const a of load.acked) c[a.op]++;
      return c;
    },
    pause: async () => undefined,
    resume: () => undefined,
    stop: async () => undefined,
  };
  let running = true;
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  let busy = 0;
  const idle: (() => void)[] = [];
  load.pause = () => {
    gate ??= new Promise<void>((r) => (open = r));
    return busy === 0 ? Promise.resolve() : new Promise<void>((r) => idle.push(r));
  };
  load.resume = () => {
    gate = null;
    open();
  };

  async function call(session: Session, method: string, path: string, body?: unknown, contentType = 'application/json') {
    load.attempts++;
    const r = await fetch(`${opts.baseUrl()}${path}`, {
      method,
      // PATCH needs If-Match (428 without it); each worker changes only its own objects, so `*` (any version).
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(method === 'PATCH' ? { 'if-match': '*' } : {}),
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await r.json().catch(() => null)) as Record<string, unknown> | null;
    if (r.status < 200 || r.status >= 300) throw Object.assign(new Error(`${method} ${path}: ${r.status}`), { status: r.status });
    return json ?? {};
  }

  const worker = async (w: number) => {
    const mine: string[] = [];
    for (let n = 0; running; n++) {
      if (gate) await gate;
      if (!running) break;
      busy++;
      const roll = opts.random();
      const s = opts.sessions();
      // The unit an update or delete is about: this worker's own, so its changes to it are in order.
      const target = mine.length ? mine[Math.floor(opts.random() * mine.length)]! : null;
      try {
        if (roll < 0.4 || !target) {
          const name = `${opts.prefix}-${w}-${n}`;
          const u = await call(s.writer, 'POST', '/api/v1/units', { parentId: opts.rootUnitId, name, kind: 'unit' });
          load.acked.push({ op: 'create', unitId: String(u.id), name, parentId: opts.rootUnitId });
          load.units.set(String(u.id), { expected: { name } });
          mine.push(String(u.id));
        } else if (roll < 0.65) {
          const name = `${opts.prefix}-${w}-${n}-ny`;
          load.units.set(target, { expected: null });
          await call(s.writer, 'PATCH', `/api/v1/units/${target}`, { name });
          load.acked.push({ op: 'update', unitId: target, name });
          load.units.set(target, { expected: { name } });
        } else if (roll < 0.78) {
          load.units.set(target, { expected: null });
          mine.splice(mine.indexOf(target), 1);
          await call(s.writer, 'DELETE', `/api/v1/units/${target}`);
          load.acked.push({ op: 'delete', unitId: target });
          load.units.set(target, { expected: 'deleted' });
        } else if (roll < 0.95) {
          const asset = await call(s.steward, 'POST', '/api/v1/assets', {
            kind: 'information_set',
            name: `${opts.prefix}-mängd-${w}-${n}`,
            unitId: opts.assetUnitId,
            personalData: 'patient',
            informationOwnerId: opts.approverId,
          });
          const draft = await call(s.steward, 'POST', `/api/v1/assets/${String(asset.id)}/classifications`);
          await call(s.steward, 'PATCH', `/api/v1/classifications/${String(draft.id)}`, CLASSIFICATION);
          await call(s.steward, 'POST', `/api/v1/classifications/${String(draft.id)}/submit`);
          await call(s.approver, 'POST', `/api/v1/classifications/${String(draft.id)}/approve`, { comment: 'Godkänd under krocktest.' });
          load.acked.push({ op: 'approve', versionId: String(draft.id), assetId: String(asset.id), approverName: opts.approverName });
        } else {
          const names = [`${opts.prefix}-system-${w}-${n}-a`, `${opts.prefix}-system-${w}-${n}-b`];
          const csv = `Namn;Typ\r\n${names.map((x) => `${x};system`).join('\r\n')}\r\n`;
          const imp = await call(
            s.importer,
            'POST',
            `/api/v1/asset-imports?fileName=${encodeURIComponent(`krock-${w}-${n}.csv`)}`,
            csv,
            'text/csv',
          );
          const applied = await call(s.importer, 'POST', `/api/v1/asset-imports/${String(imp.id)}/apply?wait=true`, {
            mapping: imp.suggestedMapping,
            defaultKind: 'system',
            defaultUnitId: opts.assetUnitId,
          });
          if (applied.status !== 'applied') throw new Error(`import ${String(imp.id)} ended ${String(applied.status)}`);
          load.acked.push({ op: 'import', importId: String(imp.id), names });
        }
      } catch {
        // Refused or cut off by a crash: the outcome is unknown, so nothing is expected of it.
        load.failures++;
        await new Promise((res) => setTimeout(res, 50));
      } finally {
        if (--busy === 0) for (const r of idle.splice(0)) r();
      }
    }
  };
  const all = Array.from({ length: opts.workers }, (_, w) => worker(w));
  load.stop = async () => {
    running = false;
    load.resume();
    await Promise.all(all);
  };
  return load;
}
