import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationFiles } from './migrate.js';

const made: string[] = [];
function tree(files: string[]): { central: string; modules: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-migrations-'));
  made.push(root);
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), 'export async function up() {}\n');
  }
  fs.mkdirSync(path.join(root, 'db/migrations'), { recursive: true });
  fs.mkdirSync(path.join(root, 'modules'), { recursive: true });
  return { central: path.join(root, 'db/migrations'), modules: path.join(root, 'modules') };
}
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration files', () => {
  it('come from db/migrations and every module’s migrations folder, as one list in name order', () => {
    const { central, modules } = tree([
      'db/migrations/20261122T0400_foundation.ts',
      'db/migrations/20261203T0100_later.ts',
      'modules/risks/migrations/20261204T0100_risks.ts',
      'modules/users/migrations/20261202T0900_roles.js',
      'modules/users/migrations/README.md',
      'modules/units/units.service.ts',
    ]);
    const found = migrationFiles(central, modules);
    expect(found.map((m) => m.name)).toEqual(['20261122T0400_foundation', '20261202T0900_roles', '20261203T0100_later', '20261204T0100_risks']);
    expect(path.relative(modules, found[3]!.file)).toBe(path.join('risks', 'migrations', '20261204T0100_risks.ts'));
  });

  it('refuse one name in two folders (a migration is known by its name alone)', () => {
    const { central, modules } = tree(['db/migrations/20261204T0100_risks.ts', 'modules/risks/migrations/20261204T0100_risks.ts']);
    expect(() => migrationFiles(central, modules)).toThrow(/20261204T0100_risks exists twice/);
  });

  it('include the real modules’ folders', () => {
    const names = migrationFiles().map((m) => m.name);
    expect(names[0]).toBe('20261122T0400_foundation');
    expect([...names].sort()).toEqual(names);
  });
});
