// Preloaded into the bench's server process (`node --import …/capture-hook.mjs`) when
// TILLIT_BENCH_CAPTURE_FILE is set: records every SQL statement a request marked with the header
// `x-tillit-bench-capture: <tag>` sends through `pg`, with the client it ran on and when it started
// and ended, one JSON line per statement. The bench replays them bare (support/replay.ts), so the
// "bare SQL" figure is exactly what the request sent, in the app's order and parallelism.
// Unmarked requests (all of the load) are not touched. Plain JavaScript so that it loads the same
// way whether the server runs through tsx or from compiled JavaScript.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const file = process.env.TILLIT_BENCH_CAPTURE_FILE;
if (file) {
  // Resolve `pg` as the server does, so the patched class is the one the server's pool uses.
  const require = createRequire(path.join(process.cwd(), 'apps/server/package.json'));
  const pg = require('pg');
  const { prepareValue } = require('pg/lib/utils');
  const als = new AsyncLocalStorage();
  const HEADER = 'x-tillit-bench-capture';
  const now = () => performance.timeOrigin + performance.now();
  const clientIds = new WeakMap();
  let nextClient = 1;
  const idOf = (client) => {
    if (!clientIds.has(client)) clientIds.set(client, nextClient++);
    return clientIds.get(client);
  };
  // As pg sends them: text, or base64 for binary parameters.
  const wire = (v) => {
    const p = prepareValue(v);
    return Buffer.isBuffer(p) ? { base64: p.toString('base64') } : p;
  };

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req) {
    const tag = event === 'request' ? req.headers[HEADER] : undefined;
    if (!tag) return emit.apply(this, arguments);
    // The body arrives in later socket events: run those in the request's context too.
    const reqEmit = req.emit;
    req.emit = function () {
      return als.run(String(tag), () => reqEmit.apply(this, arguments));
    };
    return als.run(String(tag), () => emit.apply(this, arguments));
  };

  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values) {
    const tag = als.getStore();
    if (!tag || config === null || config === undefined) return query.apply(this, arguments);
    const text = typeof config === 'string' ? config : config.text;
    if (typeof text !== 'string') return query.apply(this, arguments); // a COPY stream or other submittable
    const vals = typeof config === 'object' && config.values ? config.values : Array.isArray(values) ? values : [];
    const record = { tag, client: idOf(this), text, values: vals.map(wire), name: config.name ?? null, start: now(), end: 0, error: null };
    const done = (err) => {
      record.end = now();
      if (err) record.error = String(err.message ?? err);
      fs.appendFileSync(file, JSON.stringify(record) + '\n');
    };
    const args = [...arguments];
    const cbIndex = args.findIndex((a) => typeof a === 'function');
    if (cbIndex >= 0) {
      const cb = args[cbIndex];
      args[cbIndex] = function (err) {
        done(err);
        return cb.apply(this, arguments);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof result.then === 'function') {
      result.then(
        () => done(null),
        (e) => done(e),
      );
    } else done(null);
    return result;
  };
}
