'use strict';
// (c) A request handler registers a 'done' listener whose closure keeps the whole request alive.
const { EventEmitter } = require('events');

class IncomingRequest {
  constructor(id) {
    this.method = 'GET';
    this.url = '/api/items/' + id;
    this.headers = {
      host: 'api.example.com',
      'user-agent': 'client/' + (id % 97),
      accept: 'application/json',
      'x-request-id': 'req-' + id,
    };
    this.body = Buffer.alloc(1024, id % 256);
  }
}

const eventEmitter = new EventEmitter();
eventEmitter.setMaxListeners(0);
const accessLog = [];

function log(line) {
  if (accessLog.length < 10) accessLog.push(line);
}

function handle(req) {
  eventEmitter.on('done', () => log(req.headers['user-agent']));
}

module.exports = {
  name: 'closure-req',
  grow(fromId, count) {
    for (let i = 0; i < count; i++) handle(new IncomingRequest(fromId + i));
  },
  size: () => eventEmitter.listenerCount('done'),
};
