import { describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, SAVE_PDF_CHANNEL } from '../../shared/ipc/bridge';
import type { CoreEvent } from '../../shared/ipc/events';
import { createPreloadBridge } from './bridge';

function fakeIpcRenderer(answer: (channel: string, input: unknown) => Promise<unknown>) {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    invoke: answer,
    on(channel: string, listener: (...args: unknown[]) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return this;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
      return this;
    },
  };
}

describe('preload bridge', () => {
  it('invokes the prefixed channel and returns its envelope', async () => {
    const ipc = fakeIpcRenderer(async (channel, input) => ({ ok: true, data: { channel, input } }));
    const bridge = createPreloadBridge(ipc as never);
    await expect(bridge.invoke('companies.lookup', { siret: '92193444400016' })).resolves.toEqual({
      ok: true,
      data: { channel: 'core:companies.lookup', input: { siret: '92193444400016' } },
    });
  });

  it('turns a missing handler (unknown channel) into an envelope, not an exception', async () => {
    const ipc = fakeIpcRenderer(async () => {
      throw new Error("No handler registered for 'core:nope'");
    });
    await expect(
      createPreloadBridge(ipc as never).invoke('nope' as never, undefined as never),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('delivers core events and stops when unsubscribed', () => {
    const ipc = fakeIpcRenderer(async () => null);
    const bridge = createPreloadBridge(ipc as never);
    const received: CoreEvent[] = [];
    const stop = bridge.subscribe((event) => received.push(event));
    const event: CoreEvent = {
      type: 'connectivity.changed',
      payload: { state: 'offline', lastContactAt: null },
    };
    for (const listener of ipc.listeners.get(IPC_EVENT_CHANNEL)!) listener({}, event);
    stop();
    expect(ipc.listeners.get(IPC_EVENT_CHANNEL)!.size).toBe(0);
    expect(received).toEqual([event]);
  });

  it('asks the main process for « Enregistrer en PDF » on its own channel', async () => {
    const ipc = fakeIpcRenderer(async (channel, input) => ({ ok: true, data: { channel, input } }));
    await expect(
      createPreloadBridge(ipc as never).savePdf!({ fileName: 'Candidature n° 7' }),
    ).resolves.toEqual({
      ok: true,
      data: { channel: SAVE_PDF_CHANNEL, input: { fileName: 'Candidature n° 7' } },
    });
    const failing = fakeIpcRenderer(async () => {
      throw new Error('No handler registered');
    });
    await expect(createPreloadBridge(failing as never).savePdf!({ fileName: 'x' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
