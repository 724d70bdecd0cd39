import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  crashNotice,
  crashNoticeMessage,
  crashReport,
  readCrashReports,
  writeCrashReport,
  type CrashContext,
} from './crash-reports';

const context: CrashContext = {
  version: '1.2.3',
  now: new Date('2026-03-04T10:20:30.456Z'),
  platform: 'win32',
  arch: 'x64',
  home: 'C:\\Users\\lea.etcheverry',
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rapports-'));
  dirs.push(dir);
  return path.join(dir, 'crash-reports');
}

describe('crash reports', () => {
  it('describes an uncaught exception without the user’s name, tokens or passwords', () => {
    const error = new TypeError('échec avec refreshToken=abc123 et password: hunter2');
    error.stack = `TypeError: échec\n    at C:\\Users\\lea.etcheverry\\AppData\\Local\\app\\main.js:10:5`;
    const report = crashReport({ kind: 'uncaughtException', error }, context);
    expect(report).toEqual({
      time: '2026-03-04T10:20:30.456Z',
      version: '1.2.3',
      kind: 'uncaughtException',
      reason: 'TypeError',
      message: 'échec avec refreshToken=[masqué] et password: [masqué]',
      stack: 'TypeError: échec\n    at ~\\AppData\\Local\\app\\main.js:10:5',
      process: null,
      platform: 'win32',
      arch: 'x64',
    });
    expect(JSON.stringify(report)).not.toMatch(/lea\.etcheverry|abc123|hunter2/);
  });

  it('describes a rejection with a non-error value and a gone process', () => {
    expect(crashReport({ kind: 'unhandledRejection', error: 'délai dépassé' }, context)).toMatchObject({
      reason: 'string',
      message: 'délai dépassé',
      stack: null,
    });
    expect(crashReport({ kind: 'child-process-gone', reason: 'oom', process: 'GPU' }, context)).toMatchObject(
      { kind: 'child-process-gone', reason: 'oom', process: 'GPU', message: '' },
    );
  });

  it('writes whole JSON files and reads them back, skipping foreign or broken files', () => {
    const dir = tempDir();
    const report = crashReport({ kind: 'render-process-gone', reason: 'crashed' }, context);
    const file = writeCrashReport(dir, report);
    writeCrashReport(dir, { ...report, reason: 'killed' });
    writeFileSync(path.join(dir, 'crash-broken.json'), '{ pas du json');
    writeFileSync(path.join(dir, 'notes.txt'), 'autre chose');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(report);
    // atomically's temporary files are named `<file>.tmp-<random>`.
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(
      readCrashReports(dir)
        .map((r) => r.reason)
        .sort(),
    ).toEqual(['crashed', 'killed']);
    expect(readCrashReports(path.join(dir, 'absent'))).toEqual([]);
  });

  it('offers the folder only for reports newer than the last acknowledged one', () => {
    const at = (time: string) =>
      crashReport({ kind: 'uncaughtException' }, { ...context, now: new Date(time) });
    const reports = [
      at('2026-03-01T08:00:00.000Z'),
      at('2026-03-03T08:00:00.000Z'),
      at('2026-03-02T08:00:00.000Z'),
    ];
    expect(crashNotice([], undefined)).toBeNull();
    expect(crashNotice(reports, undefined)).toEqual({ count: 3, newest: '2026-03-03T08:00:00.000Z' });
    expect(crashNotice(reports, '2026-03-01T08:00:00.000Z')).toEqual({
      count: 2,
      newest: '2026-03-03T08:00:00.000Z',
    });
    expect(crashNotice(reports, '2026-03-03T08:00:00.000Z')).toBeNull();
    expect(crashNoticeMessage({ count: 2, newest: '' }).detail).toContain('2 rapports d’incident');
    expect(crashNoticeMessage({ count: 1, newest: '' }).detail).toContain('Un rapport d’incident');
  });
});
