// Translation key checks shared by `node scripts/check-i18n.mjs` and the web app's Vitest test.
// Pure functions take data; the `check*` functions read the repository.
import fs from 'node:fs';
import path from 'node:path';

export const LANGUAGES = ['sv', 'en'];
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];
const DEFAULT_NAMESPACE = 'common';
const root = path.resolve(import.meta.dirname, '..');

/** Leaf keys of a nested translation object, dotted: { a: { b: 'x' } } → ['a.b']. */
export function flattenKeys(value, prefix = '') {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([key, child]) => flattenKeys(child, prefix ? `${prefix}.${key}` : key));
}

/** Keys present in one set and not the other. */
export function diffKeys(a, b) {
  const setA = new Set(a);
  const setB = new Set(b);
  return { onlyInA: [...setA].filter((k) => !setB.has(k)).sort(), onlyInB: [...setB].filter((k) => !setA.has(k)).sort() };
}

/** Problems for a { sv: {ns: obj}, en: {ns: obj} } map: namespaces or keys missing in one language. */
export function compareLanguages(byLanguage, label = 'apps/web/src/i18n') {
  const problems = [];
  const [first, second] = LANGUAGES;
  const namespaces = new Set([...Object.keys(byLanguage[first] ?? {}), ...Object.keys(byLanguage[second] ?? {})]);
  for (const ns of [...namespaces].sort()) {
    const a = byLanguage[first]?.[ns];
    const b = byLanguage[second]?.[ns];
    if (!a || !b) {
      problems.push(`${label}: namespace '${ns}' finns bara på ${a ? first : second} / exists only in ${a ? first : second}`);
      continue;
    }
    const { onlyInA, onlyInB } = diffKeys(flattenKeys(a), flattenKeys(b));
    for (const key of onlyInA) problems.push(`${label}/${second}/${ns}.json saknar / lacks '${key}' (finns i / present in ${first})`);
    for (const key of onlyInB) problems.push(`${label}/${first}/${ns}.json saknar / lacks '${key}' (finns i / present in ${second})`);
  }
  return problems;
}

const T_CALL = /(?:\bi18n\.|(?<![\w$.]))t\(\s*(['"`])((?:(?!\1)[^\\\n])*)\1/g;
const USE_TRANSLATION = /useTranslation\(\s*(?:(['"])([\w-]+)\1|\[([^\]]*)\])?/g;

/**
 * Literal keys passed to `t(...)` / `i18n.t(...)` in one source file, with the namespaces the file
 * asks for in `useTranslation(...)`. Template literals with `${...}` are dynamic and skipped.
 */
export function scanSource(source) {
  const namespaces = new Set();
  for (const m of source.matchAll(USE_TRANSLATION)) {
    if (m[2]) namespaces.add(m[2]);
    if (m[3]) for (const ns of m[3].matchAll(/['"]([\w-]+)['"]/g)) namespaces.add(ns[1]);
  }
  if (!namespaces.size) namespaces.add(DEFAULT_NAMESPACE);
  const keys = [];
  for (const m of source.matchAll(T_CALL)) {
    const key = m[2];
    if (m[1] === '`' && key.includes('${')) continue;
    if (!key) continue;
    const line = source.slice(0, m.index).split('\n').length;
    keys.push({ key, line });
  }
  return { namespaces: [...namespaces], keys };
}

function hasKey(resources, ns, key) {
  let node = resources[ns];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return false;
    node = node[part];
  }
  return typeof node === 'string';
}

/** Whether `key` (maybe `ns:key`, maybe a plural base) exists in one language's resources. */
export function keyExists(resources, key, fileNamespaces) {
  const sep = key.indexOf(':');
  const candidates = sep > 0 ? [[key.slice(0, sep), key.slice(sep + 1)]] : [...fileNamespaces, DEFAULT_NAMESPACE].map((ns) => [ns, key]);
  return candidates.some(([ns, k]) => hasKey(resources, ns, k) || PLURAL_SUFFIXES.some((s) => hasKey(resources, ns, k + s)));
}

/** Literal keys in a source that the (Swedish) resources lack. */
export function missingKeysIn(source, resources) {
  const { namespaces, keys } = scanSource(source);
  return keys.filter(({ key }) => !keyExists(resources, key, namespaces));
}

/**
 * Keys that one object of a JSON text declares twice, dotted ('errors.not_found'). JSON.parse keeps
 * the last silently, so a second `"x.read": [...]` in a permissions.json or a repeated message key
 * would quietly replace the first. The text must be valid JSON (JSON.parse it first).
 */
export function duplicateKeys(text) {
  const found = [];
  let i = 0;
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (at) => {
    ws();
    if (text[i] === '{') {
      i++;
      const keys = new Set();
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        const key = string();
        const dotted = at ? `${at}.${key}` : key;
        if (keys.has(key)) found.push(dotted);
        keys.add(key);
        ws();
        i++; // ':'
        value(dotted);
        ws();
        if (text[i++] === '}') return;
      }
    }
    if (text[i] === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value(`${at}[${n}]`);
        ws();
        if (text[i++] === ']') return;
      }
    }
    if (text[i] === '"') return void string();
    while (i < text.length && !/[\s,\]}]/.test(text[i])) i++; // number, true, false, null
  };
  value('');
  return found;
}

// --- reading the repository -------------------------------------------------------------

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * The web app's translation files: { sv: { common: {...}, ... }, en: {...} }, from
 * `apps/web/src/i18n/<lang>/<namespace>.json` and each feature's own
 * `apps/web/src/features/<feature>/i18n/<lang>/<namespace>.json`. A namespace lives in one place.
 */
export function loadWebResources(repoRoot = root) {
  const web = path.join(repoRoot, 'apps/web/src');
  const dirs = [path.join(web, 'i18n')];
  const features = path.join(web, 'features');
  if (fs.existsSync(features)) {
    for (const f of fs.readdirSync(features).sort())
      if (fs.existsSync(path.join(features, f, 'i18n'))) dirs.push(path.join(features, f, 'i18n'));
  }
  const out = {};
  for (const lang of LANGUAGES) {
    out[lang] = {};
    for (const dir of dirs) {
      const langDir = path.join(dir, lang);
      if (!fs.existsSync(langDir)) continue;
      for (const file of fs
        .readdirSync(langDir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const ns = file.replace(/\.json$/, '');
        if (out[lang][ns]) throw new Error(`translation namespace ${ns} exists twice (${path.relative(repoRoot, langDir)})`);
        out[lang][ns] = readJson(path.join(langDir, file));
      }
    }
  }
  return out;
}

/** Core's server texts with each module's (`packages/core/src/modules/<m>/{sv,en}.json`) merged in; the web app reads their `errors` as the `errors` namespace. */
export function loadCoreResources(repoRoot = root) {
  const dir = path.join(repoRoot, 'packages/core/src');
  const modules = path.join(dir, 'modules');
  const moduleDirs = fs.existsSync(modules)
    ? fs
        .readdirSync(modules)
        .sort()
        .map((m) => path.join(modules, m))
        .filter((d) => fs.existsSync(path.join(d, 'sv.json')) || fs.existsSync(path.join(d, 'en.json')))
    : [];
  return Object.fromEntries(
    LANGUAGES.map((lang) => {
      const merged = readJson(path.join(dir, 'i18n', `${lang}.json`));
      for (const d of moduleDirs) {
        const file = path.join(d, `${lang}.json`);
        const texts = fs.existsSync(file) ? readJson(file) : {};
        for (const [section, entries] of Object.entries(texts)) merged[section] = { ...(merged[section] ?? {}), ...entries };
      }
      return [lang, merged];
    }),
  );
}

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

export function checkWebParity(repoRoot = root) {
  return compareLanguages(loadWebResources(repoRoot));
}

export function checkCoreParity(repoRoot = root) {
  const core = loadCoreResources(repoRoot);
  const byLanguage = Object.fromEntries(LANGUAGES.map((lang) => [lang, { messages: core[lang] }]));
  return compareLanguages(byLanguage, 'packages/core/src/i18n').map((p) => p.replace(/\/(sv|en)\/messages\.json/, '/$1.json'));
}

export function checkUsedKeys(repoRoot = root) {
  const web = loadWebResources(repoRoot);
  const core = loadCoreResources(repoRoot);
  const sv = { ...web.sv, errors: core.sv.errors };
  const srcDir = path.join(repoRoot, 'apps/web/src');
  const problems = [];
  for (const file of sourceFiles(srcDir)) {
    for (const { key, line } of missingKeysIn(fs.readFileSync(file, 'utf8'), sv)) {
      problems.push(`${path.relative(repoRoot, file)}:${line}: nyckeln / key '${key}' saknas på svenska / is missing in sv`);
    }
  }
  return problems;
}

function jsonFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

/**
 * Duplicate keys in the JSON that declares the vocabulary: core's data (roles.json and the other
 * versioned data), core's and each module's texts and permissions.json, and the web app's texts.
 */
export function checkDuplicateKeys(repoRoot = root) {
  const files = [
    ...jsonFiles(path.join(repoRoot, 'packages/core/src')),
    ...jsonFiles(path.join(repoRoot, 'apps/web/src')).filter((f) => f.split(path.sep).includes('i18n')),
  ];
  const problems = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    try {
      JSON.parse(text);
    } catch (e) {
      problems.push(`${path.relative(repoRoot, file)}: ogiltig JSON / invalid JSON (${e.message})`);
      continue;
    }
    for (const key of duplicateKeys(text))
      problems.push(`${path.relative(repoRoot, file)}: nyckeln / key '${key}' finns två gånger / is declared twice`);
  }
  return problems;
}

export function checkAll(repoRoot = root) {
  return [...checkWebParity(repoRoot), ...checkCoreParity(repoRoot), ...checkUsedKeys(repoRoot), ...checkDuplicateKeys(repoRoot)];
}
