const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const clean = (s: string) => s.replace(LONE_SURROGATE, '\uFFFD');
const isPlain = (v: object) => Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null;

/**
 * Parsed input with every lone UTF-16 surrogate replaced by U+FFFD, as browsers do for USVString.
 * JSON may carry them ("\ud800") but UTF-8 cannot: a text column would silently store U+FFFD while
 * a jsonb column (audit changes, job payloads) refuses the whole request, and an audit hash computed
 * over the original would no longer match the stored row. Cleaning before validation gives every
 * layer the same string. Walks without recursion (JSON may nest thousands deep) and changes the
 * freshly parsed request data in place.
 */
export function toWellFormed(value: unknown): unknown {
  if (typeof value === 'string') return clean(value);
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object' || !isPlain(node)) continue;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      const cleaned = typeof v === 'string' ? clean(v) : v;
      const cleanKey = Array.isArray(node) ? key : clean(key);
      if (cleanKey !== key) {
        delete record[key];
        record[cleanKey] = cleaned;
      } else if (cleaned !== v) record[key] = cleaned;
      if (v && typeof v === 'object') stack.push(v);
    }
  }
  return value;
}
