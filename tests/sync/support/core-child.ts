import { writeSync } from 'node:fs';
import { createNodeCore } from '../../../electron/host/node-core';

// A desktop core in a process of its own, driven over IPC, so tests can SIGKILL it mid-work.
const pauseAt =
  process.env.PAUSE_PULL_AT_ROW === undefined ? undefined : Number(process.env.PAUSE_PULL_AT_ROW);

const core = await createNodeCore({
  dataDir: process.env.CORE_DATA!,
  platformUrl: process.env.PLATFORM_URL!,
  requestTimeoutMs: 5_000,
  connectivityIntervalMs: 3_600_000,
  sync: {
    // Pushes happen when the test says so ("sync.now"), not on a timer.
    debounceMs: 3_600_000,
    periodicMs: 3_600_000,
    pageSize: Number(process.env.PAGE_SIZE ?? 1000),
    ...(pauseAt === undefined
      ? {}
      : {
          // Inside the page's transaction: tell the test, then freeze until it kills us.
          onPullRowApplied: (index: number) => {
            if (index !== pauseAt) return;
            writeSync(1, 'PAUSED\n');
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
          },
        }),
  },
});

process.on('message', (message: { id: number; channel: string; input?: unknown }) => {
  void core
    .invoke(message.channel, message.input)
    .then((result) => process.send?.({ id: message.id, result }));
});
process.send?.({ ready: true });
