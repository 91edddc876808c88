'use strict';
// (b) A listener added on every tick and never removed: each closure captures its StreamContext.
const { EventEmitter } = require('events');

class StreamContext {
  constructor(requestId) {
    this.requestId = requestId;
    this.headers = { 'content-type': 'application/octet-stream', 'x-stream-id': String(requestId) };
    this.chunks = new Array(128).fill(requestId % 1000);
  }
}

const dataBus = new EventEmitter();
dataBus.setMaxListeners(0);

function openStream(requestId) {
  const context = new StreamContext(requestId);
  dataBus.on('data', (chunk) => {
    context.chunks[0] = chunk;
  });
}

module.exports = {
  name: 'listeners',
  grow(fromId, count) {
    for (let i = 0; i < count; i++) openStream(fromId + i);
  },
  size: () => dataBus.listenerCount('data'),
};
