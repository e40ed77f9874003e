import fs from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/server.js';
import { generate } from '../../src/seed/generator/index.js';

export interface GeneratorInfo {
  /** True when this run found Region Stor already generated in the data folder. */
  reused: boolean;
  generatedAt: string;
  seed: number;
  totalMs: number;
  timings: Record<string, number>;
  auditEvents: number;
}

/**
 * Region Stor in the benchmark's own data folder: generated on the first run (and timed), reused
 * afterwards. The generation's figures are kept beside the data, so later runs can still report them.
 */
export async function ensureBenchData(dataDir: string, dbPort: number, seed: number): Promise<GeneratorInfo> {
  const infoFile = path.join(dataDir, 'generated.json');
  const config = loadConfig({
    ...process.env,
    TILLIT_DATA_DIR: dataDir,
    TILLIT_DB_PORT: String(dbPort),
    TILLIT_DEMO: 'false',
    TILLIT_LOG_LEVEL: 'warn',
  });
  const database = await openDatabase(config, pino({ level: 'warn' }));
  try {
    const report = await generate(database.db, database.url, { profile: 'stor', seed, log: pino({ level: 'warn' }) });
    if (report.created.length) {
      const info: GeneratorInfo = {
        reused: false,
        generatedAt: new Date().toISOString(),
        seed,
        totalMs: report.totalMs,
        timings: report.timings,
        auditEvents: report.auditEvents,
      };
      await fs.writeFile(infoFile, JSON.stringify(info, null, 2));
      return info;
    }
    const saved = JSON.parse(await fs.readFile(infoFile, 'utf8').catch(() => 'null')) as GeneratorInfo | null;
    return { ...(saved ?? { generatedAt: 'unknown', seed, totalMs: NaN, timings: {}, auditEvents: NaN }), reused: true };
  } finally {
    await database.close();
  }
}
