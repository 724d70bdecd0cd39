import { describe, expect, it } from 'vitest';
import { IPC_PREFIX } from '../../shared/ipc/bridge';
import { channelNames } from '../../shared/ipc/contract';
import { parseMainArgs } from './args';
import { registerCoreChannels } from './ipc';

type Listener = (
  event: { senderFrame: { url: string; parent: unknown } | null },
  input: unknown,
) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return { handlers, handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) };
}

describe('registerCoreChannels', () => {
  it('registers every channel of the contract, prefixed', () => {
    const ipc = fakeIpcMain();
    registerCoreChannels(ipc as never, async () => ({ ok: true, data: null }));
    expect([...ipc.handlers.keys()].sort()).toEqual(channelNames.map((c) => `${IPC_PREFIX}${c}`).sort());
  });

  it('passes calls from our window to the core, refuses others without calling it', async () => {
    const ipc = fakeIpcMain();
    const calls: unknown[] = [];
    registerCoreChannels(ipc as never, async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, data: 'fait' };
    });
    const handler = ipc.handlers.get(`${IPC_PREFIX}auth.login`)!;
    await expect(
      handler({ senderFrame: { url: 'app://bundle/connexion', parent: null } }, { mail: 'a@b.fr' }),
    ).resolves.toEqual({ ok: true, data: 'fait' });
    await expect(
      handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, {}),
    ).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(handler({ senderFrame: { url: 'app://bundle/', parent: {} } }, {})).resolves.toMatchObject({
      ok: false,
    });
    await expect(handler({ senderFrame: null }, {})).resolves.toMatchObject({ ok: false });
    expect(calls).toEqual([['auth.login', { mail: 'a@b.fr' }]]);
  });
});

describe('parseMainArgs', () => {
  it('reads the platform URL and the data folder', () => {
    expect(
      parseMainArgs([
        '/usr/bin/electron',
        'main.js',
        '--platform-url=http://127.0.0.1:4000',
        '--user-data-dir=/tmp/x=y',
      ]),
    ).toEqual({
      platformUrl: 'http://127.0.0.1:4000',
      userDataDir: '/tmp/x=y',
    });
    expect(parseMainArgs(['--platform-url='])).toEqual({});
  });
});
