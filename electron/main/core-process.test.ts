import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Core, CoreOptions } from '../core/create-core';
import { createDispatcher } from '../core/dispatch';
import { EventHub } from '../core/events';
import { MemorySecretStore } from '../core/secrets';
import { serveInUtilityProcess } from '../core/worker/process-entry';
import { secretAnswers } from '../core/worker/remote-secrets';
import { startCoreProcess, type CoreProcessDeps } from './core-process';

/** A MessagePortMain over a Node MessagePort: events carry `{ data }`. */
function electronPort(port: MessagePort) {
  return {
    postMessage: (message: unknown) => port.postMessage(message),
    on: (_event: 'message', listener: (event: { data: unknown }) => void) =>
      port.on('message', (data: unknown) => listener({ data })),
    start: () => undefined,
    close: () => port.close(),
  };
}

/**
 * A utility process run in this thread: `fork` answers a child whose first message starts
 * process-entry's serveInUtilityProcess with `create` as the core's factory.
 */
function fakeElectron(create: (options: CoreOptions) => Promise<Core>) {
  const log: string[] = [];
  const forks: Array<{ entry: string }> = [];
  const deps = (answers: CoreProcessDeps['answers']): CoreProcessDeps => ({
    fork: ((entry: string) => {
      forks.push({ entry });
      const child = Object.assign(new EventEmitter(), {
        postMessage(message: unknown, ports: ReturnType<typeof electronPort>[]) {
          const parent = new EventEmitter();
          serveInUtilityProcess(parent as never, create);
          parent.emit('message', { data: message, ports });
        },
        kill() {
          log.push('killed');
          queueMicrotask(() => child.emit('exit', 0));
          return true;
        },
      });
      return child;
    }) as never,
    channel: () => {
      const { port1, port2 } = new MessageChannel();
      return { port1: electronPort(port1), port2: electronPort(port2) } as never;
    },
    entry: '/app/dist-electron/core.js',
    options: { dataDir: '/data', platformUrl: 'http://p' },
    answers,
    log: (message) => log.push(message),
  });
  return { deps, log, forks };
}

function fakeCore(options: CoreOptions, log: string[]): Core {
  const handlers = {
    'app.about': async () => ({
      version: '1',
      platformUrl: options.platformUrl,
      dataDir: options.dataDir,
      electron: true,
    }),
  };
  return {
    handlers: handlers as never,
    invoke: createDispatcher(handlers as never, { error: () => undefined }),
    events: new EventHub(),
    config: undefined as never,
    proxyLogin: undefined as never,
    async close() {
      log.push('core closed');
    },
  };
}

describe('core in a utility process', () => {
  it('forks the built entry, serves the core on the port, keeps secrets in the main process', async () => {
    const log: string[] = [];
    const mainSecrets = new MemorySecretStore();
    const electron = fakeElectron(async (options) => {
      // The core's secrets are asked of the main process (safeStorage lives there).
      await options.secrets.set('refresh', 'jeton');
      log.push(`secret read back: ${await options.secrets.get('refresh')}`);
      return fakeCore(options, log);
    });
    const core = await startCoreProcess(electron.deps(secretAnswers(mainSecrets)));
    expect(electron.forks).toEqual([{ entry: '/app/dist-electron/core.js' }]);
    expect(await mainSecrets.get('refresh')).toBe('jeton');
    expect(log).toContain('secret read back: jeton');
    expect(await core.invoke('app.about')).toEqual({
      ok: true,
      data: { version: '1', platformUrl: 'http://p', dataDir: '/data', electron: true },
    });
    await core.close();
    expect([
      ...log.filter((l) => l === 'core closed'),
      ...electron.log.filter((l) => l === 'killed'),
    ]).toEqual(['core closed', 'killed']);
    expect(await core.invoke('app.about')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('a core that cannot start rejects with its message and ends the process', async () => {
    const electron = fakeElectron(async () => {
      throw new Error('Base locale d’une version plus récente.');
    });
    await expect(startCoreProcess(electron.deps({}))).rejects.toThrow(
      'Base locale d’une version plus récente.',
    );
    expect(electron.log).toContain('killed');
  });
});
