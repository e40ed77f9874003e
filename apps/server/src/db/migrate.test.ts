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
      'modules/risks/module.ts',
      'modules/risks/migrations/20261204T0100_risks.ts',
      'modules/users/module.js',
      'modules/users/migrations/20261202T0900_roles.js',
      'modules/users/migrations/20261202T0900_roles.js.map',
      'modules/users/migrations/README.md',
      'modules/units/units.service.ts',
    ]);
    const found = migrationFiles(central, modules);
    expect(found.map((m) => m.name)).toEqual([
      '20261122T0400_foundation',
      '20261202T0900_roles',
      '20261203T0100_later',
      '20261204T0100_risks',
    ]);
    expect(path.relative(modules, found[3]!.file)).toBe(path.join('risks', 'migrations', '20261204T0100_risks.ts'));
  });

  it('refuse one name in two folders (a migration is known by its name alone)', () => {
    const { central, modules } = tree([
      'db/migrations/20261204T0100_risks.ts',
      'modules/risks/module.ts',
      'modules/risks/migrations/20261204T0100_risks.ts',
    ]);
    expect(() => migrationFiles(central, modules)).toThrow(/20261204T0100_risks exists twice/);
  });

  it.each([
    ['a lower-case t', '20261206t0100_typo.ts'],
    ['a dash in the name', '20261206T0100_a-typo.ts'],
    ['a capital letter', '20261206T0100_Typo.ts'],
    ['three digits of time', '20261206T010_typo.ts'],
    ['an .mts file', '20261206T0100_typo.mts'],
    ['a test beside the migrations', '20261206T0100_typo.test.ts'],
    ['a declaration file', '20261206T0100_typo.d.ts'],
    ['a helper file', 'helpers.ts'],
    ['a zero timestamp', '00000000T0000_zero.ts'],
    ['a month that does not exist', '20261306T0100_month.ts'],
    ['the 31st of November', '20261131T0100_day.ts'],
    ['an hour that does not exist', '20261206T2400_hour.ts'],
  ])('refuse %s instead of skipping the file', (_, name) => {
    const central = tree([`db/migrations/${name}`]);
    expect(() => migrationFiles(central.central, central.modules)).toThrow(/not a migration name/);
    const inModule = tree(['modules/risks/module.ts', `modules/risks/migrations/${name}`]);
    expect(() => migrationFiles(inModule.central, inModule.modules)).toThrow(/not a migration name/);
  });

  it('refuse a migrations folder in a folder that is no module', () => {
    const { central, modules } = tree(['modules/risks/migrations/20261204T0100_risks.ts']);
    expect(() => migrationFiles(central, modules)).toThrow(/no module\.ts/);
  });

  it('follow a module folder that is a symbolic link', () => {
    const { central, modules } = tree([]);
    const elsewhere = tree(['risks/module.ts', 'risks/migrations/20261204T0100_risks.ts']);
    fs.symlinkSync(path.join(path.dirname(elsewhere.central), '..', 'risks'), path.join(modules, 'risks'), 'dir');
    expect(migrationFiles(central, modules).map((m) => m.name)).toEqual(['20261204T0100_risks']);
  });

  it('include the real modules’ folders', () => {
    const names = migrationFiles().map((m) => m.name);
    expect(names[0]).toBe('20261122T0400_foundation');
    expect([...names].sort()).toEqual(names);
  });
});
