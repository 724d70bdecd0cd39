import { Worker } from 'node:worker_threads';
import { connectCore, type RemoteCore } from './core-client';
import type { RemoteCoreOptions } from './protocol';

/**
 * Starts the core in a worker thread and answers once it is ready. The worker loads the
 * sources through tsx (thread-bootstrap.mjs), as the web host itself runs.
 */
export async function startWorkerCore(options: RemoteCoreOptions): Promise<RemoteCore> {
  const worker = new Worker(new URL('./thread-bootstrap.mjs', import.meta.url), { workerData: options });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const core = connectCore(worker, async () => {
    if (!exited) await worker.terminate();
    await exit;
  });
  worker.on('error', (error) => core.lost(error.message));
  void exit.then(() => core.lost('le moteur local s’est arrêté'));
  try {
    await core.ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return core;
}
