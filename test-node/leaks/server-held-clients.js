// State kept as properties of the servers themselves: an express app's http.Server records every
// client in `server.clients` (a Map) and never forgets one, and a ws WebSocketServer on the same
// port records every connection in `wss.history` (an Array): the leaks. `server.lastSeen` keeps
// only the last 20 clients (no leak). Both servers are module-level consts, but the shortest path
// from the root reaches them through their libuv handles (TCP › <symbol owner_symbol>), which
// name no variable. Clients in the same process send one request and open one socket per step
// unit; a heap snapshot is written after 100, 300 and 500 of each.
// Usage: node server-held-clients.js OUT_DIR
'use strict';
const express = require('express');
const http = require('http');
const path = require('path');
const v8 = require('v8');
const { WebSocketServer, WebSocket } = require('ws');

const app = express();
const server = http.createServer(app);
server.clients = new Map();
server.lastSeen = new Map();
const wss = new WebSocketServer({ server });
wss.history = [];

app.get('/hello/:id', (req, res) => {
  const id = req.params.id;
  server.clients.set(id, { id, agent: req.get('user-agent') || 'none', firstSeen: Date.now() });
  server.lastSeen.set(id, Date.now());
  if (server.lastSeen.size > 20) {
    server.lastSeen.delete(server.lastSeen.keys().next().value);
  }
  res.end('hello ' + id);
});
wss.on('connection', (socket, req) => {
  wss.history.push({ address: req.socket.remoteAddress, at: Date.now() });
  socket.on('message', (data) => socket.send('echo ' + data));
});

const out = process.argv[2];
const get = (port, id) => new Promise((resolve, reject) => {
  http.get({ host: '127.0.0.1', port, path: '/hello/' + id, agent: false }, (res) => {
    res.resume();
    res.on('end', resolve);
  }).on('error', reject);
});
const talk = (port, id) => new Promise((resolve, reject) => {
  const client = new WebSocket('ws://127.0.0.1:' + port);
  client.on('open', () => client.send('hi ' + id));
  client.on('message', () => client.close());
  client.on('close', resolve);
  client.on('error', reject);
});

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  let next = 0;
  try {
    for (const [moment, total] of [['t0', 100], ['t1', 300], ['t2', 500]]) {
      while (next < total) {
        await get(port, next);
        await talk(port, next);
        next++;
      }
      while (wss.clients.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      v8.writeHeapSnapshot(path.join(out, 'servers-' + moment + '.heapsnapshot'));
    }
  } finally {
    wss.close();
    server.close();
  }
});
