#!/usr/bin/env bash
# What a new user's machine does, cheaply: a clean clone in a fresh folder, `npm ci`, and `npm test`
# up to its browser step with no browser anywhere, so a missing install step fails CI instead of
# the first person who tries. Run by .ci/run; by hand: `bash scripts/check-fresh-clone.sh`.
#
# Checks, in the clone:
#   1. `npm ci` installs with no EBADENGINE warning (every dependency supports our Node);
#   2. with no browser on PATH, no CHROMIUM_PATH, no apt-get and the npm registry out of reach,
#      `npm test` stops at once with the one line saying what to run;
#   3. with no browser and no apt-get but the registry reachable, the test command brings Chromium
#      from npm, and Playwright drives it;
#   4. with Chromium installed (on PATH), it is found.
# The machine's own Chromium is never touched: its absence is simulated through PATH.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/tillit-fresh-clone-XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
seconds() { echo $(( $(date +%s) - $1 )); }

git clone --quiet "$repo" "$work/tillit"
cd "$work/tillit"

start=$(date +%s)
npm ci --no-fund --no-audit > "$work/npm-ci.log" 2>&1 || { cat "$work/npm-ci.log"; fail "npm ci failed in a fresh clone"; }
echo "npm ci in a fresh clone: $(seconds "$start") s"
if grep -q EBADENGINE "$work/npm-ci.log"; then cat "$work/npm-ci.log"; fail "a dependency does not support this Node ($(node -v))"; fi

# A PATH with sh, node, npm and git only: no chromium, no apt-get.
mkdir -p "$work/bin"
for tool in sh node npm git; do ln -s "$(command -v "$tool")" "$work/bin/$tool"; done
bare=(env -u CHROMIUM_PATH PATH="$work/bin")

# 2. Nothing to be had: npm offline with an empty cache, so the npm package cannot come either.
set +e
"${bare[@]}" npm_config_offline=true npm_config_cache="$work/empty-npm-cache" npm test > "$work/no-browser.log" 2>&1
code=$?
set -e
[ "$code" -ne 0 ] || { cat "$work/no-browser.log"; fail "npm test passed without any browser"; }
grep -q '^Ingen Chromium för webbläsartesterna: kör `sudo apt-get install chromium` eller ange CHROMIUM_PATH' "$work/no-browser.log" \
  || { cat "$work/no-browser.log"; fail "npm test without a browser did not say what to run"; }
if grep -q 'RUN' "$work/no-browser.log"; then cat "$work/no-browser.log"; fail "npm test ran tests before finding out it has no browser"; fi
echo "no browser to be had: npm test stops at once and says what to run"

# 3. No apt, but the npm registry: the browser comes from npm and Playwright drives it.
start=$(date +%s)
"${bare[@]}" node scripts/ensure-browser.mjs > "$work/npm-browser.log" 2>&1 || { cat "$work/npm-browser.log"; fail "no Chromium from npm"; }
grep -q '(@sparticuz/chromium)$' "$work/npm-browser.log" || { cat "$work/npm-browser.log"; fail "the browser did not come from npm"; }
chromium_from_npm="$(sed -n 's/^.*: \(.*\) (@sparticuz\/chromium)$/\1/p' "$work/npm-browser.log")"
CHROMIUM_PATH="$chromium_from_npm" node --input-type=module -e "
  import { chromium } from 'playwright-core';
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.setContent('<main><h1>Tillit</h1></main>');
  if ((await page.textContent('h1')) !== 'Tillit') throw new Error('the page did not render');
  await browser.close();
" 2>&1 || fail "Playwright could not drive the Chromium from npm"
echo "no apt: Chromium brought from npm in $(seconds "$start") s, and Playwright drives it"
rm -rf node_modules/.cache/tillit-chromium

# 4. Chromium installed: found on PATH.
if command -v chromium > /dev/null; then
  env -u CHROMIUM_PATH node scripts/ensure-browser.mjs | grep -q "$(command -v chromium) (PATH)$" || fail "the installed Chromium was not found"
  echo "Chromium installed: found at $(command -v chromium)"
fi
echo "fresh clone: ok"
