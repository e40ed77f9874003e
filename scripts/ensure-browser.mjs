// The Chromium the browser tests drive, found or brought by the test command itself, so that
// `npm install` and `npm test` are all the set-up a machine needs. In this order:
//   1. CHROMIUM_PATH, when set (and then nothing else: a wrong setting is an error, not a fallback);
//   2. `chromium` or `chromium-browser` on PATH (Debian's package puts it at /usr/bin/chromium);
//   3. one brought earlier from npm (below), in node_modules/.cache;
//   4. as root where apt-get exists: Debian's package (`apt-get install chromium`);
//   5. from the npm registry: the package @sparticuz/chromium carries a Chromium build inside its
//      tarball (no download from anywhere else), which is unpacked into node_modules/.cache.
// When none works it stops with one line saying what to run.
//
// `node scripts/ensure-browser.mjs` finds or brings it and prints where; the browser tests' global
// setup calls findBrowser() (no installing) to learn the path.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
/** A Chromium build shipped inside an npm package, and its version (143 still supports Node 20). */
export const NPM_CHROMIUM = { name: '@sparticuz/chromium', version: '143.0.4' };
const cacheDir = path.join(root, 'node_modules/.cache/tillit-chromium');
const unpacked = path.join(cacheDir, `chromium-${NPM_CHROMIUM.version}`);

export const MISSING_BROWSER =
  'Ingen Chromium för webbläsartesterna: kör `sudo apt-get install chromium` eller ange CHROMIUM_PATH=/sökväg/till/chromium. / No Chromium for the browser tests: run `sudo apt-get install chromium` or set CHROMIUM_PATH.';

export class BrowserMissing extends Error {}

const isExecutable = (p) => {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** Whether the program starts at all here (a browser whose libraries are missing does not). */
async function runs(executable, env) {
  try {
    const { stdout } = await promisify(execFile)(executable, ['--version'], { env, timeout: 30_000 });
    return /chrom/i.test(stdout);
  } catch {
    return false;
  }
}

/** The browser to use, without installing anything; null when there is none. */
export async function findBrowser({ env = process.env } = {}) {
  if (env.CHROMIUM_PATH) {
    if (isExecutable(env.CHROMIUM_PATH) && (await runs(env.CHROMIUM_PATH, env)))
      return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
    throw new BrowserMissing(
      `CHROMIUM_PATH=${env.CHROMIUM_PATH} är ingen Chromium som går att starta. / CHROMIUM_PATH=${env.CHROMIUM_PATH} is not a Chromium that starts.`,
    );
  }
  for (const name of ['chromium', 'chromium-browser']) {
    const found = onPath(name, env);
    if (found && (await runs(found, env))) return { path: found, source: 'PATH' };
  }
  const fromNpm = path.join(unpacked, 'chromium');
  if (isExecutable(fromNpm) && (await runs(fromNpm, env))) return { path: fromNpm, source: NPM_CHROMIUM.name };
  return null;
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}

async function installWithApt(env, log) {
  const aptGet = onPath('apt-get', env);
  if (!aptGet || process.getuid?.() !== 0) return false;
  log('Installerar Debians chromium (apt-get install chromium) …');
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  return (await run(aptGet, ['update', '-qq'], aptEnv)) && (await run(aptGet, ['install', '-y', '-qq', 'chromium'], aptEnv));
}

/** npm install of the package into the cache folder, then its brotli-packed binary unpacked. */
async function installFromNpm(env, log) {
  const npm = onPath('npm', env);
  if (!npm) return false;
  log(`Hämtar Chromium från npm (${NPM_CHROMIUM.name}@${NPM_CHROMIUM.version}, ~65 MB) …`);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(
    path.join(cacheDir, 'package.json'),
    JSON.stringify({ private: true, description: 'Chromium for the browser tests (scripts/ensure-browser.mjs)' }),
  );
  const spec = `${NPM_CHROMIUM.name}@${NPM_CHROMIUM.version}`;
  if (
    !(await run(
      npm,
      ['install', '--prefix', cacheDir, '--no-save', '--no-package-lock', '--no-fund', '--no-audit', '--loglevel=error', spec],
      env,
    ))
  )
    return false;
  const packed = path.join(cacheDir, 'node_modules', NPM_CHROMIUM.name, 'bin', 'chromium.br');
  if (!fs.existsSync(packed)) return false;
  fs.mkdirSync(unpacked, { recursive: true });
  const target = path.join(unpacked, 'chromium');
  await pipeline(fs.createReadStream(packed), zlib.createBrotliDecompress(), fs.createWriteStream(`${target}.part`, { mode: 0o755 }));
  fs.renameSync(`${target}.part`, target);
  // The unpacked binary is all that is needed; the package (another 65 MB) stays in npm's cache.
  fs.rmSync(path.join(cacheDir, 'node_modules'), { recursive: true, force: true });
  return true;
}

/** Finds the browser, or installs one the ways this machine allows; throws BrowserMissing. */
export async function ensureBrowser({ env = process.env, log = (m) => console.log(m) } = {}) {
  const found = await findBrowser({ env });
  if (found) return found;
  for (const install of [installWithApt, installFromNpm]) {
    if (await install(env, log)) {
      const now = await findBrowser({ env });
      if (now) return now;
    }
  }
  throw new BrowserMissing(MISSING_BROWSER);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const browser = await ensureBrowser();
    console.log(`Webbläsare för testerna / browser for the tests: ${browser.path} (${browser.source})`);
  } catch (e) {
    if (!(e instanceof BrowserMissing)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
