'use strict';
// (d) An array that a timer appends to and nothing ever trims.
class LargeObject {
  constructor(id) {
    this.id = id;
    this.createdAt = Date.now() + id / 1000;
    this.kind = 'large';
    this.payload = new Array(128).fill(id % 1000);
  }
}

const cache = [];

function generateLargeObject(id) {
  return new LargeObject(id);
}

module.exports = {
  name: 'array-growth',
  grow(fromId, count) {
    for (let i = 0; i < count; i++) cache.push(generateLargeObject(fromId + i));
  },
  size: () => cache.length,
};
