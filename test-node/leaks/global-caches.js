// A plain script (no package) with two top-level holders that only grow: a module-level
// `const cache = new Map()` (a context slot of the script's module function) and
// `globalThis.registry = []` (a property of the global object). A `let` array of recent events
// is trimmed to its last 100 entries (no leak). A heap snapshot is written from a timer callback
// after 400, 1,200 and 2,000 requests. Usage: node global-caches.js OUT_DIR
'use strict';
const path = require('path');
const v8 = require('v8');

const cache = new Map();
globalThis.registry = [];
let recent = [];
let served = 0;

function handle(id) {
  cache.set('user-' + id, { id, name: 'user ' + id, payload: 'p'.repeat(48) });
  globalThis.registry.push({ request: id, at: 'handler', trace: 't'.repeat(48) });
  recent.push({ id });
  if (recent.length > 100) {
    recent = recent.slice(-100);
  }
  served++;
}

const out = process.argv[2];
const plan = [['t0', 400], ['t1', 1200], ['t2', 2000]];
function step(i) {
  const [moment, total] = plan[i];
  while (served < total) {
    handle(served);
  }
  v8.writeHeapSnapshot(path.join(out, 'globals-' + moment + '.heapsnapshot'));
  if (i + 1 < plan.length) {
    setTimeout(() => step(i + 1), 10);
  }
}
setTimeout(() => step(0), 10);
