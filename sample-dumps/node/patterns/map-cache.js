'use strict';
// (a) An unbounded Map cache of user profiles: every user ever seen stays in `userCache`.
class UserProfile {
  constructor(userId) {
    this.userId = userId;
    this.name = 'User ' + userId;
    this.email = 'user' + userId + '@example.com';
    this.country = ['CA', 'DE', 'FR', 'JP', 'US'][userId % 5];
    this.bio = ('bio of user ' + userId + ' ').padEnd(1024, 'b');
  }
}

const userCache = new Map();

function getProfile(userId) {
  let profile = userCache.get(userId);
  if (!profile) {
    profile = new UserProfile(userId);
    userCache.set(userId, profile);
  }
  return profile;
}

module.exports = {
  name: 'map-cache',
  grow(fromId, count) {
    for (let i = 0; i < count; i++) getProfile(100000 + fromId + i);
  },
  size: () => userCache.size,
};
