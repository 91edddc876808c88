// Two memoized loaders made with lru-memoizer (the package's default, callback-style memoizer):
// `loadProfile` is memoized without a `max`, so lru-memoizer's lru-cache keeps every key it is
// asked for (the leak: a user id per request, never evicted); `loadAvatar` has `max: 100` and is
// asked for more keys than that, so its cache evicts and stays at 100 (bounded, no leak). The
// program asks for new keys and writes a heap snapshot after 300, 900 and 1,500 profiles (and 150,
// 450 and 750 avatars). Usage: node lru-memoizer-profiles.js OUT_DIR
'use strict';
const memoizer = require('lru-memoizer');
const path = require('path');
const v8 = require('v8');

const loadProfile = memoizer({
  load: (id, callback) => callback(null, { id, name: 'user ' + id, bio: 'b'.repeat(64) }),
  hash: (id) => 'profile-' + id,
});
const loadAvatar = memoizer({
  load: (id, callback) => callback(null, { id, pixels: 'a'.repeat(64) }),
  hash: (id) => 'avatar-' + id,
  max: 100,
});

// `ask` takes the memoizer's name, not the memoizer: a context of a call of `ask` that outlives it
// would otherwise hold a memoizer in a variable of its own, a path as short as `loadProfile`'s that
// could win the key from one run to the next.
const memoizers = { profile: loadProfile, avatar: loadAvatar };
const ask = (which, id) => new Promise((resolve, reject) => {
  memoizers[which](id, (err, value) => (err ? reject(err) : resolve(value)));
});

async function main(out) {
  let profiles = 0;
  let avatars = 0;
  for (const [moment, total] of [['t0', 300], ['t1', 900], ['t2', 1500]]) {
    while (profiles < total) {
      await ask('profile', profiles++);
    }
    while (avatars < total / 2) {
      await ask('avatar', avatars++);
    }
    if (loadProfile.keys().length !== total || loadAvatar.keys().length !== 100) {
      throw new Error('unexpected cache sizes ' + loadProfile.keys().length + ', ' + loadAvatar.keys().length);
    }
    v8.writeHeapSnapshot(path.join(out, 'memoizer-' + moment + '.heapsnapshot'));
  }
}
main(process.argv[2]).catch((err) => {
  console.error(err);
  process.exit(1);
});
