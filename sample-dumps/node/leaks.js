#!/usr/bin/env node
'use strict';
// Reproduces six production leak patterns and writes heap snapshots of them.
//
//   node leaks.js [--counts 300,1000,1700] [--out DIR] [--prefix leaks] [--no-gzip]
//       writes DIR/leaks-t0.heapsnapshot.gz, -t1, -t2: each leak pattern holds the given number of
//       entries at each moment (a capped Map, not a leak, is full in all of them).
//   node leaks.js --entries 125000 [--out DIR] [--prefix big]
//       the benchmark shape: one snapshot (not gzipped) with N entries in each of the six patterns.
//
// Every snapshot is written by v8.writeHeapSnapshot after gc(); the script restarts itself with
// --expose-gc (and a larger heap in --entries mode) when started without it.
const path = require('path');
const fs = require('fs');
const zlib = require('zlib');
const v8 = require('v8');
const { spawnSync } = require('child_process');

function parseArgs(argv) {
  const options = { counts: [300, 1000, 1700], out: __dirname, prefix: 'leaks', gzip: true, entries: 0 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--counts': options.counts = value.split(',').map(Number); i++; break;
      case '--out': options.out = value; i++; break;
      case '--prefix': options.prefix = value; i++; break;
      case '--no-gzip': options.gzip = false; break;
      case '--entries': options.entries = Number(value); i++; break;
      default: throw new Error('unknown argument ' + argv[i]);
    }
  }
  if (options.entries > 0) {
    options.counts = [options.entries];
    options.gzip = false;
    if (options.prefix === 'leaks') options.prefix = 'leaks-' + options.entries;
  }
  if (!options.counts.every((c, i) => Number.isInteger(c) && c >= 0 && (i === 0 || c >= options.counts[i - 1]))) {
    throw new Error('--counts must be non-decreasing integers');
  }
  return options;
}

if (typeof global.gc !== 'function') {
  const args = parseArgs(process.argv.slice(2));
  const flags = ['--expose-gc'];
  if (args.entries > 0) flags.push('--max-old-space-size=12288');
  const result = spawnSync(process.execPath, [...flags, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status === null ? 1 : result.status);
}

const options = parseArgs(process.argv.slice(2));
const leaks = ['map-cache', 'listeners', 'closure-req', 'array-growth', 'hanging-promises', 'object-cache']
  .map((name) => require('./patterns/' + name));
const capped = require('./patterns/capped-cache');

fs.mkdirSync(options.out, { recursive: true });
const batch = Math.max(100, Math.ceil(Math.max(...options.counts) / 50));
let nextId = 1;
let cappedId = 1;

// Grows every pattern to `target` entries from setInterval ticks, as a service under load would.
function growTo(target) {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const current = leaks[0].size();
      const step = Math.min(batch, target - current);
      if (step > 0) {
        for (const leak of leaks) leak.grow(nextId, step);
        nextId += step;
      }
      capped.grow(cappedId, Math.max(step, capped.capacity));
      cappedId += Math.max(step, capped.capacity);
      if (leaks[0].size() >= target) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
}

function writeSnapshot(label) {
  global.gc();
  global.gc();
  const plain = path.join(options.out, options.prefix + (label ? '-' + label : '') + '.heapsnapshot');
  v8.writeHeapSnapshot(plain);
  if (!options.gzip) return plain;
  const gzipped = plain + '.gz';
  fs.writeFileSync(gzipped, zlib.gzipSync(fs.readFileSync(plain), { level: 9 }));
  fs.unlinkSync(plain);
  return gzipped;
}

async function main() {
  const written = [];
  for (let i = 0; i < options.counts.length; i++) {
    await growTo(options.counts[i]);
    const sizes = Object.fromEntries([...leaks, capped].map((p) => [p.name, p.size()]));
    const label = options.entries > 0 ? '' : 't' + i;
    const file = writeSnapshot(label);
    written.push({ file: path.basename(file), counts: sizes });
    console.log(path.basename(file), JSON.stringify(sizes));
  }
  if (options.entries === 0) {
    fs.writeFileSync(path.join(options.out, options.prefix + '.manifest.json'),
      JSON.stringify({ node: process.version, snapshots: written }, null, 2) + '\n');
  }
  // The hanging promises never settle; leave without waiting for them.
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
