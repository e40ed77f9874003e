// Compiles the server (apps/server/src) and the shared rules (packages/core/src) to plain
// JavaScript in apps/server/dist, so `npm start` loads no TypeScript at run time (tsx costs seconds
// of CPU at every start). Cached: rebuilt only when a source file was added, removed or changed.
//
// Every file is compiled on its own and keeps its place (apps/server/src/x/y.ts → dist/x/y.js), so
// paths the code finds relative to itself (migrations/, ../../web/dist) work unchanged. JSON
// imports are inlined. The core package goes to dist/node_modules/@tillit/core, where Node's own
// lookup finds it before the TypeScript workspace package. Tests and `npm run dev` keep using tsx.
//
// `node scripts/server-build.mjs` builds when stale; `--force` always.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const serverSrc = path.join(root, 'apps/server/src');
const coreSrc = path.join(root, 'packages/core/src');
export const serverDist = path.join(root, 'apps/server/dist');
/** The compiled CLI (`tillit start`, `migrate`, …). */
export const distMain = path.join(serverDist, 'cli/main.js');
const STAMP = '.sources';

const isTest = (f) => /\.test\.ts$/.test(f);

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (!isTest(entry.name)) out.push(full);
  }
  return out;
}

/**
 * What the build was made from: every source file's path, size and modification time, and this
 * script and the compiler's version. Deleting or renaming a file changes it too (an mtime alone
 * would not, and a migration deleted from src would still run from dist).
 */
async function sourcesSignature() {
  const hash = crypto.createHash('sha256');
  for (const file of [...listFiles(serverSrc), ...listFiles(coreSrc), path.join(root, 'scripts/server-build.mjs')].sort()) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  const { version } = createRequire(import.meta.url)('esbuild/package.json');
  hash.update(`esbuild ${version} node ${process.versions.node.split('.')[0]}`);
  return hash.digest('hex');
}

/** Whether apps/server/dist was built from the sources as they are now. */
export async function serverBuildFresh() {
  let stamp;
  try {
    stamp = fs.readFileSync(path.join(serverDist, STAMP), 'utf8').trim();
  } catch {
    return false;
  }
  return stamp === (await sourcesSignature());
}

async function compile(esbuild, srcDir, outDir) {
  const entryPoints = listFiles(srcDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  await esbuild.build({
    entryPoints,
    outbase: srcDir,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    logLevel: 'warning',
    plugins: [
      {
        // Each file stays a module of its own: only JSON data is inlined; every other import (the
        // sibling files, @tillit/core, npm packages) is left for Node to resolve at run time.
        name: 'one-module-per-file',
        setup(build) {
          build.onResolve({ filter: /.*/ }, (args) =>
            args.kind === 'entry-point' || args.path.endsWith('.json') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
}

export async function buildServer() {
  const esbuild = await import('esbuild');
  const signature = await sourcesSignature();
  // Built aside (in an ignored folder on the same disk) and swapped in whole, so a start never sees
  // half a build and an interrupted build leaves nothing for git to show.
  const aside = path.join(root, 'node_modules/.cache/tillit-server-build');
  fs.mkdirSync(aside, { recursive: true });
  const fresh = path.join(aside, `new-${process.pid}`);
  fs.rmSync(fresh, { recursive: true, force: true });
  try {
    await compile(esbuild, serverSrc, fresh);
    const core = path.join(fresh, 'node_modules/@tillit/core');
    await compile(esbuild, coreSrc, core);
    fs.writeFileSync(
      path.join(core, 'package.json'),
      JSON.stringify({ name: '@tillit/core', private: true, type: 'module', exports: { '.': './index.js', './*': './*.js' } }, null, 2),
    );
    fs.writeFileSync(path.join(fresh, 'package.json'), JSON.stringify({ private: true, type: 'module' }, null, 2));
    fs.writeFileSync(path.join(fresh, STAMP), signature + '\n');
    const old = path.join(aside, `old-${process.pid}`);
    if (fs.existsSync(serverDist)) fs.renameSync(serverDist, old);
    fs.renameSync(fresh, serverDist);
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
}

/** Builds when stale; returns whether it built. */
export async function ensureServerBuild({ quiet = false } = {}) {
  if (await serverBuildFresh()) return false;
  if (!quiet) console.log('Kompilerar servern … / compiling the server …');
  await buildServer();
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--force')) await buildServer();
  else await ensureServerBuild();
}
