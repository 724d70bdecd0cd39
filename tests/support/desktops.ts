import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Session } from '../../shared/domain/session';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import type { AppErrorData } from '../../shared/ipc/errors';
import { createTestDatabase, testsOnPostgres } from '../../platform/db/test-postgres';
import { createPlatform, type Platform } from '../../platform/server';
import { createNodeCore } from '../../electron/host/node-core';
import type { Core } from '../../electron/core/create-core';
import { FaultProxy } from '../sync/support/fault-proxy';

export type SignedIn = Extract<Session, { status: 'signedIn' }>;

/** One desktop's core in plain Node, with its own data folder. */
export interface TestDesktop {
  core: Core;
  dataDir: string;
  /** A call that must succeed: its data. */
  call<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** A call that must be refused: its error. */
  refuse<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<AppErrorData>;
  /** Cuts this desktop off the platform, or reconnects it (desktops made with `switchable`). */
  setOnline(online: boolean): void;
}

export interface DesktopOptions {
  /** Talks to the platform through a proxy that `setOnline(false)` cuts, the platform still running. */
  switchable?: boolean;
}

/**
 * For each test, a reference platform with the demo data on loopback, and desktops (each its
 * own data folder) created on demand against it; all closed and removed afterwards.
 */
export function useDesktops() {
  let root = '';
  let platform: Platform | undefined;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let platformUrl = '';
  const cores: Core[] = [];
  const proxies: FaultProxy[] = [];

  beforeEach(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'desktops-'));
    // PLATFORM_TEST_DIALECT=postgres: the platform on a fresh PostgreSQL database.
    database = testsOnPostgres() ? await createTestDatabase() : undefined;
    const where = database ? { databaseUrl: database.url } : { dataDir: path.join(root, 'platform') };
    platform = await createPlatform({ ...where, seed: 'demo' });
    platformUrl = await platform.listen(0);
  });

  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close();
    for (const proxy of proxies.splice(0)) await proxy.close();
    await platform?.close().catch(() => undefined);
    await database?.drop();
    database = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  async function desktop(options: DesktopOptions = {}): Promise<TestDesktop> {
    const dataDir = mkdtempSync(path.join(root, 'desktop-'));
    const proxy = options.switchable ? await new FaultProxy(platformUrl).start() : undefined;
    if (proxy) proxies.push(proxy);
    const core = await createNodeCore({
      dataDir,
      platformUrl: proxy?.url ?? platformUrl,
      requestTimeoutMs: 5_000,
    });
    cores.push(core);
    return {
      core,
      dataDir,
      setOnline(online) {
        if (!proxy) throw new Error('bureau créé sans { switchable: true }');
        proxy.down = !online;
      },
      async call(channel, input) {
        const envelope = await core.invoke(channel, input);
        if (!envelope.ok) throw new Error(`${channel} refusé : ${JSON.stringify(envelope.error)}`);
        return envelope.data as never;
      },
      async refuse(channel, input) {
        const envelope = await core.invoke(channel, input);
        if (envelope.ok) throw new Error(`${channel} accepté alors qu’il devait être refusé`);
        return envelope.error;
      },
    };
  }

  async function signedIn(account: { mail: string; password: string }, options: DesktopOptions = {}) {
    const d = await desktop(options);
    const session = (await d.call('auth.login', account)) as SignedIn;
    return { ...d, session };
  }

  return {
    desktop,
    signedIn,
    platform: () => {
      if (!platform) throw new Error('plateforme pas encore démarrée');
      return platform;
    },
  };
}
