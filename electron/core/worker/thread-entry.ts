import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../create-core';
import { serveCore } from './core-server';
import type { CoreToHost, RemoteCoreOptions } from './protocol';
import { coreOptionsFrom } from './remote-core-options';

// The core in a worker thread (web host, tests, bench): its SQLite work no longer holds the
// host's event loop.
const port = parentPort;
if (!port) throw new Error('thread-entry.ts se lance dans un worker_thread');
try {
  const core = await createCore(coreOptionsFrom(workerData as RemoteCoreOptions));
  serveCore(core, port);
  port.postMessage({ type: 'ready' } satisfies CoreToHost);
} catch (error) {
  port.postMessage({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies CoreToHost);
}
