// Takes real browser heap snapshots of a page in headless Chromium over the DevTools protocol, as
// DevTools' Memory panel does: before each snapshot it calls the page's advance() (the step under
// test), collects garbage, then takes the snapshot, streamed in chunks. No browser is downloaded:
// it runs the chromium (or $CHROMIUM) found on the PATH.
// Usage: node heap-snapshots.js PAGE.html OUT_DIR PREFIX COUNT
// writes OUT_DIR/PREFIX-t0.heapsnapshot … PREFIX-t(COUNT-1).heapsnapshot and prints each advance()'s result.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const WebSocket = require('ws');

const [page, out, prefix, countText] = process.argv.slice(2);
const count = Number(countText);
if (!page || !out || !prefix || !(count > 0)) {
  console.error('usage: node heap-snapshots.js PAGE.html OUT_DIR PREFIX COUNT');
  process.exit(1);
}

// Starts the browser on a free port and resolves with its DevTools WebSocket address, which it
// prints on stderr once it listens.
function launch(profile) {
  const browser = spawn(process.env.CHROMIUM || 'chromium', [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--no-default-browser-check', '--remote-debugging-port=0', '--user-data-dir=' + profile, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const address = new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('chromium did not start in 30 s:\n' + seen)), 30000);
    browser.stderr.on('data', (data) => {
      seen += data;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    browser.on('error', reject);
    browser.on('exit', (code) => reject(new Error('chromium exited with ' + code + ':\n' + seen)));
  });
  return { browser, address };
}

// One DevTools connection: commands answered by id, events dispatched by session and method.
function connect(address) {
  const socket = new WebSocket(address, { perMessageDeflate: false, maxPayload: 1 << 30 });
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data);
    if (message.id && pending.has(message.id)) {
      const { resolve, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) {
        reject(new Error(method + ': ' + message.error.message));
      } else {
        resolve(message.result);
      }
    } else if (message.method) {
      listeners.forEach((listener) => listener(message));
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, method });
    socket.send(JSON.stringify({ id, method, params, sessionId }));
  });
  const opened = new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { opened, send, on: (listener) => listeners.push(listener), close: () => socket.close(), chunkSink: null };
}

// Collects garbage, then takes a snapshot, whose text arrives in addHeapSnapshotChunk events before
// takeHeapSnapshot answers.
async function snapshot(devtools, session, file) {
  const chunks = [];
  devtools.chunkSink = (chunk) => chunks.push(chunk);
  await devtools.send('HeapProfiler.collectGarbage', {}, session);
  await devtools.send('HeapProfiler.takeHeapSnapshot', { reportProgress: true }, session);
  devtools.chunkSink = null;
  fs.writeFileSync(file, chunks.join(''));
}

// Resolves once the browser process has ended (a profile directory cannot be removed before), or
// after 10 s, when it is killed.
function ended(browser) {
  if (browser.exitCode !== null || browser.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      browser.kill('SIGKILL');
    }, 10000);
    browser.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

// Chromium's helper processes (crashpad, the network service) can still write to the profile for a
// moment after the browser has exited: retry, and if the directory still will not go, say so rather than
// fail a run whose snapshots are all written.
function removeProfile(profile) {
  try {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.error('warning: could not remove the browser profile ' + profile + ': ' + error.message);
  }
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'heapdelta-chromium-'));
  const { browser, address } = launch(profile);
  try {
    const devtools = connect(await address);
    await devtools.opened;
    const { targetId } = await devtools.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await devtools.send('Target.attachToTarget', { targetId, flatten: true });
    await devtools.send('Page.enable', {}, sessionId);
    const loaded = new Promise((resolve) => devtools.on((message) => {
      if (message.sessionId === sessionId && message.method === 'Page.loadEventFired') {
        resolve();
      }
    }));
    await devtools.send('Page.navigate', { url: pathToFileURL(path.resolve(page)).href }, sessionId);
    await loaded;
    devtools.on((message) => {
      if (message.sessionId === sessionId && message.method === 'HeapProfiler.addHeapSnapshotChunk'
          && devtools.chunkSink) {
        devtools.chunkSink(message.params.chunk);
      }
    });
    await devtools.send('HeapProfiler.enable', {}, sessionId);
    for (let i = 0; i < count; i++) {
      const step = await devtools.send('Runtime.evaluate',
        { expression: 'advance()', returnByValue: true }, sessionId);
      if (step.exceptionDetails) {
        throw new Error('advance() threw: ' + step.exceptionDetails.text);
      }
      console.log('t' + i + ' ' + JSON.stringify(step.result.value));
      await snapshot(devtools, sessionId, path.join(out, prefix + '-t' + i + '.heapsnapshot'));
    }
    await devtools.send('Browser.close');
    devtools.close();
  } finally {
    if (browser.exitCode === null) {
      browser.kill();
    }
    await ended(browser);
    removeProfile(profile);
  }
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
