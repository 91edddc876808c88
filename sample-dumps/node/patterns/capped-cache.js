'use strict';
// Not a leak: a Map capped at CAPACITY entries that evicts the oldest. It is full in every snapshot.
const CAPACITY = 250;

class SessionEntry {
  constructor(id) {
    this.sessionId = 's-' + id;
    this.lastSeen = id;
    this.token = ('token ' + id + ' ').padEnd(256, 't');
  }
}

const sessionCache = new Map();

function touch(id) {
  if (sessionCache.size >= CAPACITY) {
    sessionCache.delete(sessionCache.keys().next().value);
  }
  sessionCache.set(id, new SessionEntry(id));
}

module.exports = {
  name: 'capped-cache',
  grow(fromId, count) {
    for (let i = 0; i < count; i++) touch(fromId + i);
  },
  size: () => sessionCache.size,
  capacity: CAPACITY,
};
