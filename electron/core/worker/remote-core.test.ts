import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/ipc/envelope';
import { AppError } from '../../../shared/ipc/errors';
import type { Core } from '../create-core';
import { createDispatcher } from '../dispatch';
import { EventHub } from '../events';
import { connectCore } from './core-client';
import { createAsker, serveCore } from './core-server';

/** A core whose 'app.about' emits events then answers, and whose 'sync.status' refuses. */
function fakeCore(log: string[]): Core {
  const events = new EventHub();
  const handlers = {
    'app.about': async () => {
      for (let i = 0; i < 50; i++) {
        events.emit({ type: 'entities.changed', payload: { entities: [`e${i}`] } } as never);
      }
      return { version: '1', platformUrl: 'http://p', dataDir: '/d', electron: false };
    },
    'sync.status': async () => {
      throw new AppError('unauthorized', 'Reconnectez-vous.');
    },
  };
  return {
    handlers: handlers as never,
    invoke: createDispatcher(handlers as never, { error: () => undefined }),
    events,
    config: undefined as never,
    proxyLogin: undefined as never,
    async close() {
      log.push('core closed');
    },
  };
}

function pair(log: string[]) {
  const { port1, port2 } = new MessageChannel();
  const core = fakeCore(log);
  serveCore(core, port2);
  port2.postMessage({ type: 'ready' });
  const remote = connectCore(port1, () => {
    log.push('shutdown');
    port1.close();
  });
  return { remote, core, port2 };
}

describe('remote core over a message port', () => {
  it('answers envelopes, refusals keeping their IPC error shape', async () => {
    const { remote } = pair([]);
    await remote.ready;
    expect(await remote.invoke('app.about')).toEqual({
      ok: true,
      data: { version: '1', platformUrl: 'http://p', dataDir: '/d', electron: false },
    });
    const refused = (await remote.invoke('sync.status')) as Extract<Envelope<unknown>, { ok: false }>;
    expect(refused.error).toEqual({ code: 'unauthorized', message: 'Reconnectez-vous.' });
    expect((await remote.invoke('nope')).ok).toBe(false);
    expect(await remote.invoke('app.about', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    await remote.close();
  });

  it('forwards events in order, before the answer of the call that emitted them', async () => {
    const { remote } = pair([]);
    const seen: string[] = [];
    remote.events.subscribe((event) => seen.push((event.payload as { entities: string[] }).entities[0]!));
    await remote.invoke('app.about');
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => `e${i}`));
    await remote.close();
  });

  it('close() closes the core before ending the worker, once', async () => {
    const log: string[] = [];
    const { remote } = pair(log);
    await Promise.all([remote.close(), remote.close()]);
    expect(log).toEqual(['core closed', 'shutdown']);
  });

  it('a lost worker answers pending and later calls with an internal error', async () => {
    const { port1, port2 } = new MessageChannel();
    // A core that never answers: the call stays pending until the loss.
    port2.on('message', () => undefined);
    const remote = connectCore(port1, () => port1.close());
    const pending = remote.invoke('app.about');
    remote.lost('exit');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await remote.invoke('app.about')).toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(remote.ready).rejects.toThrow('exit');
    await remote.close();
    port2.close();
  });

  it('the core asks its host questions (safeStorage) and gets answers or errors back', async () => {
    const { port1, port2 } = new MessageChannel();
    const remote = connectCore(port1, () => port1.close(), {
      'secrets.get': (name: string) => `valeur de ${name}`,
      'secrets.set': () => {
        throw new Error('chiffrement indisponible');
      },
    });
    const ask = createAsker(port2);
    expect(await ask('secrets.get', 'refresh')).toBe('valeur de refresh');
    await expect(ask('secrets.set', 'a', 'b')).rejects.toThrow('chiffrement indisponible');
    await expect(ask('inconnue')).rejects.toThrow('question inconnue');
    remote.lost('fin');
    await remote.close();
    port2.close();
  });
});
