import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigService } from './config/config-service';
import { createCore, type Core } from './create-core';
import { MemorySecretStore } from './secrets';
import { createNodeSettings } from './settings';

// Nothing listens there: the core starts offline, which these channels do not need.
const PLATFORM = 'http://127.0.0.1:9';
let dir: string | undefined;
let core: Core | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function start(withCentral: boolean) {
  dir = await mkdtemp(path.join(tmpdir(), 'core-config-'));
  const settings = createNodeSettings(dir);
  const config = withCentral
    ? new ConfigService(
        {
          centralPath: '/etc/alternance-bureau/config.json',
          central: { status: 'valid', config: { updateChannel: 'latest', locked: ['updateChannel'] } },
          defaults: {
            platformUrl: PLATFORM,
            proxy: 'system',
            updateUrl: 'https://maj.example/',
            updateChannel: 'latest',
          },
        },
        settings,
      )
    : undefined;
  core = await createCore({
    dataDir: dir,
    platformUrl: PLATFORM,
    settings,
    secrets: new MemorySecretStore(),
    ...(config ? { config } : {}),
  });
  return core;
}

describe('update channels without the desktop updater (web host)', () => {
  it('answer « non disponible » whatever is asked', async () => {
    const { invoke } = await start(false);
    for (const channel of ['update.status', 'update.check', 'update.later', 'update.restart'] as const) {
      const answer = await invoke(channel);
      expect(answer).toMatchObject({ ok: true, data: { phase: 'unavailable', prompt: null } });
      if (answer.ok) expect((answer.data as { error: string }).error).toMatch(/application de bureau/);
    }
  });
});

describe('config channels', () => {
  it('config.get shows values with their sources; config.update saves the user’s', async () => {
    const { invoke } = await start(false);
    expect(await invoke('config.get')).toMatchObject({
      ok: true,
      data: {
        centralPath: null,
        centralError: null,
        platformUrlInUse: PLATFORM,
        values: { platformUrl: { value: PLATFORM, source: 'default', locked: false } },
      },
    });
    expect(await invoke('config.update', { proxy: 'http://proxy.cfa.internal:3128' })).toMatchObject({
      ok: true,
      data: { values: { proxy: { value: 'http://proxy.cfa.internal:3128', source: 'user' } } },
    });
  });

  it('refuses a bad value naming the field, in French', async () => {
    const { invoke } = await start(false);
    const answer = await invoke('config.update', { platformUrl: 'plateforme' });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('validation');
    expect(answer.error.message).toContain('Adresse de la plateforme');
    expect(answer.error.fields).toHaveProperty('platformUrl');
  });

  it('refuses a locked field naming it', async () => {
    const { invoke } = await start(true);
    const answer = await invoke('config.update', { updateChannel: 'beta' });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'forbidden', fields: { updateChannel: expect.stringContaining('administrateur') } },
    });
    if (!answer.ok) expect(answer.error.message).toContain('« Canal de mise à jour » est imposé');
  });

  it('proxy.login without a pending question says so', async () => {
    const { invoke } = await start(false);
    expect(await invoke('proxy.login', { requestId: 'x', cancel: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
