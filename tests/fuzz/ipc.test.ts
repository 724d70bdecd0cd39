import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/domain/session';
import { channelNames, contract, type ChannelName } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { appErrorSchema } from '../../shared/ipc/errors';
import { DEMO_REFERENT } from '../../platform/seed/demo';
import { createPlatform, type Platform } from '../../platform/server';
import { createNodeCore } from '../../electron/host/node-core';
import type { Core } from '../../electron/core/create-core';
import { accountDatabaseFile } from '../../electron/core/db/open';
import { DatabaseWatch } from './support/db-digest';
import { fuzzParameters, hostileJson, hostileString } from './support/runs';
import { pathsOf, sampleOf, withValueAt } from './support/zod-sample';

// Every IPC channel of the contract, through the core's dispatch (the one the web host and
// Electron's ipcMain call), with generated hostile inputs: arbitrary JSON, and each channel's
// own input shape with one field made hostile (NUL, lone surrogates, huge strings, prototype
// keys, deep nesting, wrong types). Whatever comes in, an envelope comes back, never
// `internal`; a validation error names its fields in French; a refused call leaves the local
// database as it was. FUZZ_RUNS / FUZZ_SEED (tests/fuzz/support/runs.ts) scale and replay it.

/**
 * Channels that, given a valid input, would end what the run tests (sign out, restart, erase the
 * account) or wait on the network for long: with a valid input they are not called. Their
 * refusals are still fuzzed.
 */
const NOT_CALLED_WHEN_VALID = new Set<ChannelName>([
  'auth.logout',
  'account.delete',
  'account.deleteLocalData',
  'structure.cancelRequest',
  'update.restart',
  'update.check',
  'sync.now',
  'connectivity.check',
]);

/** English fallbacks zod would give without its French locale. */
const ENGLISH = /\b(Invalid input|Expected|Required|Unrecognized key|Too (big|small))\b/;

/** One generated call: a channel and what is sent on it. */
const callArbitrary = (channels: readonly ChannelName[]) =>
  fc.constantFrom(...channels).chain((channel) => {
    const sample = sampleOf(contract[channel].input);
    const paths = pathsOf(sample);
    const mutated = fc
      .record({
        path: fc.constantFrom(...paths),
        value: fc.oneof(hostileJson(), hostileString()),
      })
      .map(({ path: at, value }) => withValueAt(sample, at, value));
    const extraKey = fc
      .record({ key: hostileString(), value: hostileJson() })
      .map(({ key, value }) =>
        sample !== null && typeof sample === 'object' && !Array.isArray(sample)
          ? withValueAt(sample, [key], value)
          : value,
      );
    return fc.record({
      channel: fc.constant(channel),
      input: fc.oneof(
        { weight: 3, arbitrary: mutated },
        { weight: 2, arbitrary: hostileJson() },
        { weight: 1, arbitrary: extraKey },
      ),
    });
  });

interface Fuzzed {
  core: Core;
  watch: DatabaseWatch | null;
  calls: number;
  refused: number;
}

/** Sends one call and checks its answer, and the database when it was refused. */
async function fuzzCall(state: Fuzzed, baseline: { digest: string }, channel: ChannelName, input: unknown) {
  if (NOT_CALLED_WHEN_VALID.has(channel) && contract[channel].input.safeParse(input).success) return;
  const { watch } = state;
  if (watch?.changed()) baseline.digest = watch.digest();
  const envelope = (await state.core.invoke(channel, input)) as Envelope<unknown>;
  state.calls += 1;
  const where = `${channel} ← ${preview(input)}`;
  expect(typeof envelope.ok, where).toBe('boolean');
  if (envelope.ok) return;
  state.refused += 1;
  // The shape checked by the schema; the fields read as sent (a record's parse drops "__proto__").
  const error = { ...appErrorSchema.parse(envelope.error), fields: envelope.error.fields };
  expect(error.code, `${where}: ${error.message} (${lastLogged})`).not.toBe('internal');
  expect(error.message, where).not.toMatch(ENGLISH);
  if (error.code === 'validation' && error.fields) {
    expect(Object.keys(error.fields).length, where).toBeGreaterThan(0);
    expect(error.message, where).toMatch(/«|données/);
    for (const message of Object.values(error.fields)) {
      expect(message.length, where).toBeGreaterThan(0);
      expect(message, where).not.toMatch(ENGLISH);
    }
  }
  if (watch?.changed()) {
    const after = watch.digest();
    expect(after, `${where}: refused (${error.code}) but the local database changed`).toBe(baseline.digest);
    baseline.digest = after;
  }
}

function preview(input: unknown): string {
  try {
    const text = JSON.stringify(input) ?? String(input);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(input);
  }
}

let root = '';
let lastLogged = '';
let platform: Platform;
let platformUrl = '';
const cores: Core[] = [];

async function startCore(name: string): Promise<Core> {
  const core = await createNodeCore({
    dataDir: path.join(root, name),
    platformUrl,
    requestTimeoutMs: 5_000,
    // No background work during the run: a commit of its own would read as a refused call's.
    connectivityIntervalMs: 3_600_000,
    sync: { periodicMs: 3_600_000, debounceMs: 3_600_000 },
    referentials: { intervalMs: 3_600_000 },
    logger: {
      // Kept for the failure message: an `internal` answer says nothing of its cause.
      error: (message, error) =>
        (lastLogged = `${message}: ${error instanceof Error ? error.stack : String(error)}`),
      info: () => undefined,
    },
  });
  cores.push(core);
  return core;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'fuzz-ipc-'));
  platform = await createPlatform({
    dataDir: path.join(root, 'platform'),
    seed: 'demo',
    // Hostile logins and registrations are answered, not rate limited away after the first few.
    limits: { loginAttempts: 1_000_000, registrations: 1_000_000 },
  });
  platformUrl = await platform.listen(0);
});

afterAll(async () => {
  for (const core of cores.splice(0)) await core.close();
  await platform?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('IPC channels under generated hostile input', () => {
  it('answers an envelope on every channel when signed out, never internal', async () => {
    const state: Fuzzed = { core: await startCore('signed-out'), watch: null, calls: 0, refused: 0 };
    const baseline = { digest: '' };
    await fc.assert(
      fc.asyncProperty(callArbitrary(channelNames), ({ channel, input }) =>
        fuzzCall(state, baseline, channel, input),
      ),
      fuzzParameters(1_500),
    );
    expect(state.refused).toBeGreaterThan(0);
  }, 120_000);

  it('answers an envelope on every channel when signed in, never internal, and a refusal writes nothing', async () => {
    const core = await startCore('signed-in');
    const signedIn = await core.invoke('auth.login', {
      mail: DEMO_REFERENT.mail,
      password: DEMO_REFERENT.password,
    });
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error));
    const session = signedIn.data as Extract<Session, { status: 'signedIn' }>;
    const synced = await core.invoke('sync.now');
    expect(synced.ok).toBe(true);
    const watch = new DatabaseWatch(accountDatabaseFile(path.join(root, 'signed-in'), session.user.id));
    const state: Fuzzed = { core, watch, calls: 0, refused: 0 };
    const baseline = { digest: watch.digest() };
    try {
      await fc.assert(
        fc.asyncProperty(callArbitrary(channelNames), ({ channel, input }) =>
          fuzzCall(state, baseline, channel, input),
        ),
        fuzzParameters(9_000),
      );
    } finally {
      watch.close();
    }
    // Still signed in at the end: the run did not fall back to signed-out answers midway.
    await expect(core.invoke('session.get')).resolves.toMatchObject({
      ok: true,
      data: { status: 'signedIn' },
    });
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(state.calls).toBeGreaterThan(0);
  }, 300_000);
});
