'use strict';
// (f) A plain object used as a dictionary, keyed "u<id>", that only ever gains keys.
const cache = {};

function remember(id) {
  const key = 'u' + id;
  // The id is kept as a string, so that it is a heap node and names the object's shape in snapshots.
  cache[key] = {
    id: key,
    login: 'user' + id,
    plan: ['free', 'pro', 'team'][id % 3],
    roles: ['reader', id % 2 ? 'writer' : 'viewer'],
    avatarSvg: ('<svg id="' + id + '">').padEnd(1024, 'x'),
  };
}

module.exports = {
  name: 'object-cache',
  grow(fromId, count) {
    for (let i = 0; i < count; i++) remember(fromId + i);
  },
  size: () => Object.keys(cache).length,
};
