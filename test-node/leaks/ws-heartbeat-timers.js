// A ws server that starts a heartbeat interval for every connection and never clears it (the leak):
// each Timeout stays in Node's timer list, holding its closed socket. The idle timeout it also
// starts is cleared when the socket closes (no leak). Clients in the same process connect on
// 127.0.0.1, exchange a message and close; a heap snapshot is written after 50, 150 and 250
// connections. Usage: node ws-heartbeat-timers.js OUT_DIR
'use strict';
const { WebSocketServer, WebSocket } = require('ws');
const path = require('path');
const v8 = require('v8');

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('connection', (socket) => {
  setInterval(() => socket.ping(), 60000);
  const idle = setTimeout(() => socket.terminate(), 45000);
  socket.on('message', (data) => socket.send('echo ' + data));
  socket.on('close', () => clearTimeout(idle));
});

const out = process.argv[2];
const connectOnce = (port, i) => new Promise((resolve, reject) => {
  const client = new WebSocket('ws://127.0.0.1:' + port);
  client.on('open', () => client.send('hello ' + i));
  client.on('message', () => client.close());
  client.on('close', resolve);
  client.on('error', reject);
});

wss.on('listening', async () => {
  const port = wss.address().port;
  let next = 0;
  for (const [moment, total] of [['t0', 50], ['t1', 150], ['t2', 250]]) {
    while (next < total) {
      await connectOnce(port, next++);
    }
    // Let the server side see every close (and clear its idle timeouts) before the snapshot.
    while (wss.clients.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    v8.writeHeapSnapshot(path.join(out, 'timers-' + moment + '.heapsnapshot'));
  }
  // The leaked intervals would keep the process alive for good.
  process.exit(0);
});
