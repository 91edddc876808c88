// A classic script (not a CommonJS module) run with vm.runInThisContext, as plugin hosts and
// template engines run code: its top-level `var cache` is a property of the global object and its
// `let tokens` a variable of the script's own scope (the script context), and both only grow: the
// leaks. `var recent` keeps the last 50 ids (no leak). An express route calls the script's
// remember(); a heap snapshot is written after 300, 900 and 1,500 requests.
// Usage: node vm-script-caches.js OUT_DIR
'use strict';
const express = require('express');
const http = require('http');
const path = require('path');
const v8 = require('v8');
const vm = require('vm');

vm.runInThisContext(`
var cache = new Map();
let tokens = new Set();
var recent = [];
function remember(id) {
  cache.set('user-' + id, { id: id, label: 'user ' + id });
  tokens.add({ token: 'token-' + id });
  recent.push(id);
  if (recent.length > 50) {
    recent.shift();
  }
}
`, { filename: 'session-cache.js' });

const app = express();
app.post('/login/:id', (req, res) => {
  globalThis.remember(Number(req.params.id));
  res.end('ok');
});

const out = process.argv[2];
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let next = 0;
  const post = () => new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/login/' + next++, agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
  try {
    for (const [moment, total] of [['t0', 300], ['t1', 900], ['t2', 1500]]) {
      while (next < total) {
        await post();
      }
      v8.writeHeapSnapshot(path.join(out, 'script-' + moment + '.heapsnapshot'));
    }
  } finally {
    agent.destroy();
    server.close();
  }
});
