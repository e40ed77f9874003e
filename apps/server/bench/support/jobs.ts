import ExcelJS from 'exceljs';

/**
 * Export and import of the inventory over HTTP as the admin (issue 3: import of 1,000 systems and
 * 10,000 information sets ≤ 15 s). The import follows the contract in docs/api-assets.md: upload →
 * check (dry run) with a mapping → apply → poll until applied. External ids are fixed
 * (BENCH-SYS-0001 …), so the first run on a data folder creates the assets and later runs update them.
 */
export const IMPORT_SYSTEMS = 1_000;
export const IMPORT_SETS = 10_000;
export const IMPORT_TARGET_MS = 15_000;

export interface ExportResult {
  /** Median of the runs: request until the last byte, ms. */
  ms: number;
  runsMs: number[];
  bytes: number;
}

export interface ImportResult {
  /** Who ran the export and the import (a security coordinator: the admin role has no asset.import). */
  user?: string;
  rows: number;
  systems: number;
  sets: number;
  links: number;
  /** What the run measured: the assets were new (first run on this data) or already there. */
  case: 'created' | 'updated' | 'mixed';
  /** Assets in the organisation before the import (the inventory the other figures ran on). */
  assetsBefore: number;
  fileBytes: number;
  /** Building the .xlsx in the bench (not part of the total). */
  buildMs: number;
  phases: { uploadMs: number; checkMs: number; applyMs: number; untilAppliedMs: number };
  /** upload + check + apply + until applied. */
  totalMs: number;
  targetMs: number;
}

export interface Http {
  baseUrl: string;
  cookie: string;
  csrf: string;
}

export async function httpSession(baseUrl: string, cookie: string): Promise<Http> {
  const r = await fetch(`${baseUrl}/api/v1/auth/session`, { headers: { cookie } });
  if (r.status !== 200) throw new Error(`session: ${r.status}`);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { baseUrl, cookie, csrf: csrfToken };
}

/** A security coordinator on the organisation's root unit (first by e-mail, so the same every run). */
export async function importerOf(query: <T>(text: string, values?: unknown[]) => Promise<T[]>, organizationId: string): Promise<string> {
  const [u] = await query<{ email: string }>(
    `select u.email from users u
       join role_assignments r on r.user_id = u.id and r.role = 'security_coordinator'
       join units n on n.id = r.unit_id and n.parent_id is null
      where u.organization_id = $1 and u.status = 'active' and u.password_hash is not null
        and not u.must_change_password and u.locked_until is null
      order by u.email limit 1`,
    [organizationId],
  );
  if (!u) throw new Error('no active security coordinator on the root unit to run the import as');
  return u.email;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** GET /assets/export.xlsx of the whole inventory, `runs` times; time to the last byte. */
export async function measureExport(http: Http, runs = 3): Promise<ExportResult> {
  const runsMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await fetch(`${http.baseUrl}/api/v1/assets/export.xlsx`, { headers: { cookie: http.cookie } });
    const body = await r.arrayBuffer();
    runsMs.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`export: ${r.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
    bytes = body.byteLength;
  }
  return { ms: median(runsMs), runsMs, bytes };
}

const HEADERS = {
  kind: 'Typ',
  name: 'Namn',
  externalId: 'Externt id',
  description: 'Beskrivning',
  lifecycle: 'Livscykel',
  processedBy: 'Behandlas i',
};

/** The import file: systems first, then information sets, each processed in one or two of the systems. */
export async function buildImportFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inventarie');
  ws.addRow(Object.values(HEADERS));
  const sys = (i: number) => `BENCH-SYS-${String(i + 1).padStart(4, '0')}`;
  for (let i = 0; i < IMPORT_SYSTEMS; i++)
    ws.addRow(['system', `Benchsystem ${i + 1}`, sys(i), `Importerat system nummer ${i + 1}`, 'in_use', '']);
  for (let i = 0; i < IMPORT_SETS; i++) {
    const processors = i % 2 === 0 ? [sys(i % IMPORT_SYSTEMS)] : [sys(i % IMPORT_SYSTEMS), sys((i * 7 + 3) % IMPORT_SYSTEMS)];
    ws.addRow([
      'information_set',
      `Benchmängd ${i + 1}`,
      `BENCH-INF-${String(i + 1).padStart(5, '0')}`,
      `Importerad informationsmängd ${i + 1}`,
      'in_use',
      [...new Set(processors)].join('; '),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function call<T>(http: Http, method: string, path: string, body: unknown, contentType = 'application/json'): Promise<T> {
  const r = await fetch(`${http.baseUrl}${path}`, {
    method,
    headers: {
      cookie: http.cookie,
      'x-csrf-token': http.csrf,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': contentType }),
    },
    body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : (body as Buffer),
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

interface ImportView {
  id: string;
  status: string;
  report: {
    rows: number;
    toCreate: number;
    toUpdate: number;
    links: number;
    byKind: Record<string, number>;
    problemCount: number;
    problems: unknown[];
  } | null;
  progress: { done: number; total: number };
  error: { code: string; message: string } | null;
}

export async function measureImport(http: Http, rootUnitId: string, assetsBefore: number): Promise<ImportResult> {
  let t = performance.now();
  const file = await buildImportFile();
  const buildMs = performance.now() - t;
  const mapping = { mapping: HEADERS, defaultUnitId: rootUnitId };

  t = performance.now();
  const uploaded = await call<ImportView>(
    http,
    'POST',
    '/api/v1/asset-imports?fileName=bench-inventarie.xlsx',
    file,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const uploadMs = performance.now() - t;

  t = performance.now();
  const checked = await call<ImportView>(http, 'POST', `/api/v1/asset-imports/${uploaded.id}/check`, mapping);
  const checkMs = performance.now() - t;
  const report = checked.report!;
  if (report.problemCount)
    throw new Error(`import check: ${report.problemCount} problems, e.g. ${JSON.stringify(report.problems.slice(0, 3))}`);

  t = performance.now();
  await call<ImportView>(http, 'POST', `/api/v1/asset-imports/${uploaded.id}/apply`, mapping);
  const applyMs = performance.now() - t;

  t = performance.now();
  for (;;) {
    const v = await call<ImportView>(http, 'GET', `/api/v1/asset-imports/${uploaded.id}`, undefined);
    if (v.status === 'applied') break;
    if (v.status === 'failed') throw new Error(`import failed: ${JSON.stringify(v.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const untilAppliedMs = performance.now() - t;

  return {
    rows: report.rows,
    systems: report.byKind.system ?? 0,
    sets: report.byKind.information_set ?? 0,
    links: report.links,
    case: report.toUpdate === 0 ? 'created' : report.toCreate === 0 ? 'updated' : 'mixed',
    assetsBefore,
    fileBytes: file.length,
    buildMs,
    phases: { uploadMs, checkMs, applyMs, untilAppliedMs },
    totalMs: uploadMs + checkMs + applyMs + untilAppliedMs,
    targetMs: IMPORT_TARGET_MS,
  };
}
