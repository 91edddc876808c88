'use strict';
// (e) Jobs awaiting a pool slot that is never released: each pending promise keeps its JobPayload.
class JobPayload {
  constructor(jobId) {
    this.jobId = jobId;
    this.rows = new Array(128).fill(jobId % 1000);
    this.options = { retries: 3, priority: jobId % 4 };
  }
}

const pool = { waiters: [], free: 0 };

function acquire() {
  return new Promise((resolve) => pool.waiters.push(resolve));
}

async function runJob(jobId) {
  const payload = new JobPayload(jobId);
  await acquire();
  return payload.rows.length;
}

module.exports = {
  name: 'hanging-promises',
  grow(fromId, count) {
    for (let i = 0; i < count; i++) runJob(fromId + i);
  },
  size: () => pool.waiters.length,
};
