// A ws server that adds every connection to a module-level Set and never removes it on close (the
// leak); the server's own client tracking drops closed sockets (no leak). Clients in the same
// process connect on 127.0.0.1, exchange a message and close; a heap snapshot is written after 50,
// 150 and 250 connections. Usage: node ws-sockets.js OUT_DIR
'use strict';
const { WebSocketServer, WebSocket } = require('ws');
const path = require('path');
const v8 = require('v8');

const sockets = new Set();
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('message', (data) => socket.send('echo ' + data));
});

const out = process.argv[2];
const connectOnce = (port, i) => new Promise((resolve, reject) => {
  const client = new WebSocket('ws://127.0.0.1:' + port);
  const timer = setTimeout(() => reject(new Error('connection ' + i + ' timed out')), 10000);
  client.on('open', () => client.send('hello ' + i));
  client.on('message', () => client.close());
  client.on('close', () => {
    clearTimeout(timer);
    resolve();
  });
  client.on('error', reject);
});

wss.on('listening', async () => {
  const port = wss.address().port;
  let next = 0;
  try {
    for (const [moment, total] of [['t0', 50], ['t1', 150], ['t2', 250]]) {
      while (next < total) {
        await connectOnce(port, next++);
      }
      // Let the server side see every close before the snapshot.
      while (wss.clients.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      v8.writeHeapSnapshot(path.join(out, 'ws-' + moment + '.heapsnapshot'));
    }
  } finally {
    wss.close();
  }
});
