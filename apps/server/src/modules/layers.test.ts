import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules of eslint.config.js, run on small files placed in a made-up module. */
const root = path.resolve(import.meta.dirname, '../../../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, 'apps/server/src/modules/probe', file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

// Loading ESLint and its config takes seconds on a loaded machine.
describe('layer rules', { timeout: 60_000 }, () => {
  it('reject a service that imports the database or kysely, or queries by itself', async () => {
    expect(await problems('probe.service.ts', "import { createDb } from '../../db/database.js';\nexport const x = createDb;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await problems('probe.service.ts', "import { sql } from 'kysely';\nexport const q = sql`select 1`;\n")).toEqual(
      expect.arrayContaining(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']),
    );
    expect(await problems('probe.service.ts', "export const f = (db: any) => db.selectFrom('units').selectAll().execute();\n")).toEqual([
      'no-restricted-syntax',
    ]);
  });

  it('reject a service that reaches the database through its own module’s seed, bench, generator, fixtures or migrations', async () => {
    for (const file of [
      './probe.seed.js',
      './probe.bench.js',
      './probe.generator.js',
      './probe.fixtures.js',
      './migrations/20261205T0600_probe.js',
    ]) {
      for (const layer of ['probe.service.ts', 'probe.views.ts']) {
        expect(await problems(layer, `import * as m from '${file}';\nexport const x = m;\n`), `${layer} ← ${file}`).toEqual([
          '@typescript-eslint/no-restricted-imports',
        ]);
      }
    }
    // The manifest names them (bench entries, the demo seed); a test may use them.
    expect(await problems('module.ts', "import * as m from './probe.bench.js';\nexport const x = m;\n")).toEqual([]);
  });

  it('reject another module’s repository in a service or a view, and allow its published service', async () => {
    expect(await problems('probe.service.ts', "import * as units from '../units/units.repository.js';\nexport const u = units;\n")).toEqual(
      ['@typescript-eslint/no-restricted-imports'],
    );
    expect(
      await problems('probe.views.ts', "import { listQueries } from '../assets/assets.repository.js';\nexport const u = listQueries;\n"),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(
      await problems(
        'probe.service.ts',
        "import { findUnit } from '../units/units.service.js';\nimport type { Db } from '../../db/database.js';\nexport const f = (db: Db) => findUnit(db, 'o', 'u');\n",
      ),
    ).toEqual([]);
  });

  it('reject a route that reaches past its service, and a repository that checks access or writes audit', async () => {
    expect(await problems('probe.routes.ts', "import * as repo from './probe.repository.js';\nexport const r = repo;\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    expect(
      await problems(
        'probe.repository.ts',
        "import { recordAudit } from '../../platform/audit/audit.js';\nexport const a = recordAudit;\n",
      ),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(
      await problems(
        'probe.repository.ts',
        "import { createUnitsService } from '../units/units.service.js';\nexport const s = createUnitsService;\n",
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('reject a platform file that imports a module or the services', async () => {
    const [result] = await eslint.lintText(
      "import type { UnitsService } from '../modules/units/module.js';\nexport type X = UnitsService;\n",
      { filePath: path.join(root, 'apps/server/src/platform/probe.ts') },
    );
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });
});
