// An express service whose route handler stores every order in a module-level Map (the leak),
// and keeps the recent ones in a bounded lru-cache (no leak). It drives itself with real HTTP
// requests on 127.0.0.1 and writes a heap snapshot after 300, 1,000 and 1,700 orders.
// Usage: node express-orders.js OUT_DIR
'use strict';
const express = require('express');
const { LRUCache } = require('lru-cache');
const http = require('http');
const path = require('path');
const v8 = require('v8');

const orders = new Map();
const recent = new LRUCache({ max: 200 });

const app = express();
app.post('/orders/:id', (req, res) => {
  const id = req.params.id;
  orders.set(id, { id, lines: new Array(16).fill(id), note: 'order ' + id });
  recent.set(id, { id, seen: Date.now(), note: 'recent ' + id });
  res.end('ok');
});

const out = process.argv[2];
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let next = 0;
  const post = () => new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/orders/' + next++, agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.setTimeout(10000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end();
  });
  try {
    for (const [moment, total] of [['t0', 300], ['t1', 1000], ['t2', 1700]]) {
      while (next < total) {
        await post();
      }
      v8.writeHeapSnapshot(path.join(out, 'express-' + moment + '.heapsnapshot'));
    }
  } finally {
    agent.destroy();
    server.close();
  }
});
