// An express app with express-session's default MemoryStore: every request without a cookie makes
// a new session that nothing expires before its cookie's 24 h maxAge (the leak a production app
// gets from the default store). The app drives itself with cookie-less requests on 127.0.0.1 and
// writes a heap snapshot after 200, 600 and 1,000 sessions. Usage: node express-sessions.js OUT_DIR
'use strict';
const express = require('express');
const session = require('express-session');
const http = require('http');
const path = require('path');
const v8 = require('v8');

const app = express();
app.use(session({ secret: 'test-only', resave: false, saveUninitialized: true,
  cookie: { maxAge: 24 * 3600 * 1000 } }));
app.get('/visit', (req, res) => {
  req.session.visits = (req.session.visits || 0) + 1;
  res.end('ok');
});

const out = process.argv[2];
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let next = 0;
  const visit = () => new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/visit', agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.setTimeout(10000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
  });
  try {
    for (const [moment, total] of [['t0', 200], ['t1', 600], ['t2', 1000]]) {
      while (next < total) {
        next++;
        await visit();
      }
      v8.writeHeapSnapshot(path.join(out, 'sessions-' + moment + '.heapsnapshot'));
    }
  } finally {
    agent.destroy();
    server.close();
  }
});
