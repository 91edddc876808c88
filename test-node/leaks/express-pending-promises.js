// An express app whose job route races each job against a module-level `shutdown` promise that
// never settles (the leak): every Promise.race adds a reaction to it that stays until shutdown,
// holding the job's result. The same race against `ready`, a promise that has settled, adds nothing
// (no leak), and so does awaiting the job's own promise, which settles. Requests come from the same
// process on 127.0.0.1; a heap snapshot is written after 300, 1,000 and 1,700 jobs.
// Usage: node express-pending-promises.js OUT_DIR
'use strict';
const express = require('express');
const http = require('http');
const path = require('path');
const v8 = require('v8');

const shutdown = new Promise(() => {});
const ready = Promise.resolve('ready');

const app = express();
app.get('/job/:id', async (req, res) => {
  const job = new Promise((resolve) => setImmediate(() => resolve({ id: req.params.id, report: 'r'.repeat(64) })));
  const result = await Promise.race([shutdown, job]);
  await Promise.race([ready, job]);
  res.json({ id: result.id });
});

const out = process.argv[2];
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const get = (i) => new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/job/' + i, agent: false }, (res) => {
      res.resume();
      res.on('end', resolve);
    }).on('error', reject);
  });
  let next = 0;
  try {
    for (const [moment, total] of [['t0', 300], ['t1', 1000], ['t2', 1700]]) {
      while (next < total) {
        await get(next++);
      }
      // Let the last response's sockets close before the snapshot.
      await new Promise((resolve) => setTimeout(resolve, 50));
      v8.writeHeapSnapshot(path.join(out, 'promises-' + moment + '.heapsnapshot'));
    }
  } finally {
    server.close();
  }
});
