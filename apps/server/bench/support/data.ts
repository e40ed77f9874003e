import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { migrationFiles } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/server.js';
import { generate } from '../../src/seed/generator/index.js';
import { repoRoot } from './server-process.js';

export interface GeneratorInfo {
  /** True when this run copied an existing template instead of generating it. */
  reused: boolean;
  generatedAt: string;
  seed: number;
  /** N × Region Stor (generator `--scale`). */
  scale: number;
  /** End of the generated history. */
  until: string;
  /** The template folder the run's data was copied from (relative to the repository). */
  template: string;
  totalMs: number;
  timings: Record<string, number>;
  auditEvents: number;
  /** Copying the template into the run's folder and migrating it, ms. */
  copyMs: number;
}

export interface DataOptions {
  /** Where templates and the run's copy live (default ./data-bench). */
  root: string;
  dbPort: number;
  seed: number;
  scale: number;
  /** End of the history, YYYY-MM-DD. */
  until: string;
  /** Generate the template again even if one exists. */
  regenerate?: boolean;
  /**
   * Use this template folder (a name under `<root>/templates`) whatever code made it, e.g. a 5 ×
   * Region Stor made by an earlier generator; the result names it.
   */
  template?: string;
}

/**
 * The generator's own sources (its code, sizes and word lists, and the modules' generator steps): a
 * template made by other code is not the data this code would make, so it is made afresh. Whitespace
 * is left out (a reformatted file makes the same data), and so is `report.ts` (what the CLI prints).
 * The names of the migrations count too.
 */
export function generatorFingerprint(): string {
  const hash = createHash('sha256');
  const src = path.join(repoRoot, 'apps/server/src');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if ((p.includes(`${path.sep}generator${path.sep}`) || /generator/i.test(e.name)) && e.name !== 'report.ts') files.push(p);
    }
  };
  walk(src);
  // And the migrations the template was made with: a migration that sorts before one the template has
  // applied cannot be applied to it later.
  hash.update(
    migrationFiles()
      .map((m) => m.name)
      .join('\n'),
  );
  for (const f of files.sort())
    hash.update(path.relative(src, f)).update('\0').update(fs.readFileSync(f, 'utf8').replace(/\s+/g, '')).update('\0');
  return hash.digest('hex').slice(0, 10);
}

const config = (dataDir: string, dbPort: number) =>
  loadConfig({ ...process.env, TILLIT_DATA_DIR: dataDir, TILLIT_DB_PORT: String(dbPort), TILLIT_DEMO: 'false', TILLIT_LOG_LEVEL: 'warn' });

/**
 * A fresh copy of the generated data for every run, so that runs compare: the data is generated once
 * into a template folder (`<root>/templates/<profile-scale-seed-until-code>`, stopped cleanly), and
 * every run copies it into `<root>/run-x<scale>` and applies the migrations that came after it, before the
 * server is started (so the cold start does not include them). Nothing a run writes (the import, the
 * sessions, the audit events of the sign-ins) reaches the next run.
 */
export async function prepareBenchData(opts: DataOptions): Promise<{ dataDir: string; info: GeneratorInfo }> {
  const name = opts.template ?? `stor-x${opts.scale}-seed${opts.seed}-${opts.until}-${generatorFingerprint()}`;
  const template = path.join(opts.root, 'templates', name);
  const infoFile = path.join(template, 'generated.json');
  let reused = true;
  if (opts.template && !fs.existsSync(infoFile)) throw new Error(`no template ${template}`);
  if (opts.regenerate || !fs.existsSync(infoFile)) {
    reused = false;
    const partial = `${template}.partial`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.rmSync(template, { recursive: true, force: true });
    const log = pino({ level: 'warn' });
    const database = await openDatabase(config(partial, opts.dbPort), log);
    try {
      const report = await generate(database.db, database.url, {
        profile: 'stor',
        seed: opts.seed,
        scale: opts.scale,
        until: new Date(`${opts.until}T00:00:00Z`),
        log,
      });
      const info = {
        generatedAt: new Date().toISOString(),
        seed: opts.seed,
        scale: opts.scale,
        until: opts.until,
        totalMs: report.totalMs,
        timings: report.timings,
        auditEvents: report.auditEvents,
      };
      fs.writeFileSync(path.join(partial, 'generated.json'), JSON.stringify(info, null, 2));
    } finally {
      await database.close();
    }
    fs.renameSync(partial, template);
  }
  const saved = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as Omit<GeneratorInfo, 'reused' | 'template' | 'copyMs'>;

  const t = performance.now();
  const dataDir = path.join(opts.root, `run-x${opts.scale}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  // cp -a keeps the owner and modes PostgreSQL insists on (its files belong to `postgres` when run as root).
  execFileSync('cp', ['-a', template, dataDir]);
  const database = await openDatabase(config(dataDir, opts.dbPort), pino({ level: 'warn' }));
  await database.close();
  return {
    dataDir,
    info: { ...saved, reused, template: path.relative(repoRoot, template), copyMs: performance.now() - t },
  };
}
