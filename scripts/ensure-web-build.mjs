// Builds the web app when apps/web/dist is missing or older than its sources, so `npm start`
// works right after `npm install` and after a `git pull`, without rebuilding every time.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'apps/web');
const dist = path.join(web, 'dist', 'index.html');
const sources = [
  path.join(web, 'src'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(root, 'packages/core/src'),
];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

const built = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;
if (built < Math.max(...sources.map(newest))) {
  // Only errors: a start is no place for bundle-size advice (`npm run build` shows the warnings).
  console.log('Bygger webbgränssnittet … / building the web app …');
  execSync('npx vite build --logLevel error', { cwd: web, stdio: 'inherit' });
}
