import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as CrashReports from './crash-reports';
import type * as Secrets from '../core/secrets';
import type * as SettingsModule from '../core/settings';

// A Windows antivirus or indexer briefly holding a file makes its replacement fail with EPERM
// or EBUSY. atomically (through stubborn-fs) retries those; this checks that the secrets and
// crash reports really go through it. stubborn-fs takes node:fs's functions when it is first
// loaded, so they are wrapped here before the modules under test are imported (this file runs
// in its own process, as every test file does).

/** Files whose replacement is refused, and how many times still. */
const locks: Array<{ matches: (target: string) => boolean; left: number }> = [];
const refused: string[] = [];

function lock(matches: (target: string) => boolean, times: number): void {
  locks.length = 0;
  refused.length = 0;
  locks.push({ matches, left: times });
}

function refuses(target: fs.PathLike): NodeJS.ErrnoException | null {
  const name = String(target);
  const held = locks.find((entry) => entry.left > 0 && entry.matches(name));
  if (!held) return null;
  held.left -= 1;
  refused.push(path.basename(name));
  const code = refused.length % 2 === 0 ? 'EBUSY' : 'EPERM';
  return Object.assign(new Error(`${code}: resource busy or locked, rename → '${name}'`), { code });
}

const realRename = fs.rename;
const realRenameSync = fs.renameSync;
let secrets: typeof Secrets;
let crashReports: typeof CrashReports;
let settings: typeof SettingsModule;
let dir: string;

beforeAll(async () => {
  fs.renameSync = (from, to) => {
    const error = refuses(to);
    if (error) throw error;
    realRenameSync(from, to);
  };
  fs.rename = ((from: fs.PathLike, to: fs.PathLike, callback: fs.NoParamCallback) => {
    const error = refuses(to);
    if (error) process.nextTick(callback, error);
    else realRename(from, to, callback);
  }) as typeof fs.rename;
  secrets = await import('../core/secrets');
  crashReports = await import('./crash-reports');
  settings = await import('../core/settings');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verrou-'));
});

afterAll(() => {
  fs.rename = realRename;
  fs.renameSync = realRenameSync;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('writes retried past a Windows lock', () => {
  it('the secrets file is written once the lock goes, whole and owner-only', async () => {
    const file = path.join(dir, 'secrets.json');
    lock((target) => target === file, 2);
    await new secrets.FileSecretStore(file, secrets.plainCodec).set('refreshToken', 'abc');
    expect(refused).toEqual(['secrets.json', 'secrets.json']);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ refreshToken: 'abc' });
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('a secrets write still locked after the retry window fails, leaving the old file', async () => {
    const file = path.join(dir, 'secrets-locked.json');
    const store = new secrets.FileSecretStore(file, secrets.plainCodec, 0);
    await store.set('refreshToken', 'ancien');
    lock((target) => target === file, Number.MAX_SAFE_INTEGER);
    await expect(store.set('refreshToken', 'nouveau')).rejects.toMatchObject({ code: 'EPERM' });
    lock(() => false, 0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ refreshToken: 'ancien' });
  });

  it('a crash report is written once the lock goes', () => {
    const reports = path.join(dir, 'crash-reports');
    const report = crashReports.crashReport(
      { kind: 'uncaughtException', error: new Error('panne') },
      {
        version: '1.0.0',
        now: new Date('2026-03-04T10:20:30.456Z'),
        platform: 'win32',
        arch: 'x64',
        home: '',
      },
    );
    // The file name is random: the first two renames into the folder are refused.
    lock((target) => path.dirname(target) === reports, 2);
    const file = crashReports.writeCrashReport(reports, report);
    expect(refused).toHaveLength(2);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(report);
  });

  it('the settings file is too (conf, under electron-store, writes through atomically)', () => {
    const store = settings.createNodeSettings(path.join(dir, 'profil'));
    lock((target) => path.basename(target) === `${settings.SETTINGS_FILE_NAME}.json`, 2);
    store.set('lastUserId', '0b9c2f5e-6a1d-4c3e-9f7a-2d4b6c8e0a1f');
    expect(refused).toHaveLength(2);
    expect(settings.readSetting(settings.createNodeSettings(path.join(dir, 'profil')), 'lastUserId')).toBe(
      '0b9c2f5e-6a1d-4c3e-9f7a-2d4b6c8e0a1f',
    );
  });
});
