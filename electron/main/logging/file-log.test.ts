import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import log from 'electron-log/node';
import { afterEach, describe, expect, it } from 'vitest';
import { configureFileLog, coreLoggerOf, LOG_FILE_NAME } from './file-log';

// electron-log's Node build writes files exactly as its main-process build does.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshLog(maxBytes: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'journaux-'));
  dirs.push(dir);
  const logger = log.create({ logId: `test-${dirs.length}-${Date.now()}` });
  logger.transports.console.level = false;
  configureFileLog(logger, dir, maxBytes);
  return { logger, dir, file: path.join(dir, LOG_FILE_NAME) };
}

describe('the log file', () => {
  it('is written in the logs folder with secrets masked, the core logging through it', () => {
    const { logger, file } = freshLog(1024 * 1024);
    const core = coreLoggerOf(logger);
    core.info?.('POST /auth/login {"mail":"lea@exemple.fr","password":"Apprenti-33!"}');
    core.error('Échec de synchronisation', new Error('401 Authorization: Bearer eyJa.eyJb.c'));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('lea@exemple.fr');
    expect(text).toContain('Échec de synchronisation');
    expect(text).not.toContain('Apprenti-33!');
    expect(text).not.toContain('eyJa.eyJb.c');
  });

  it('rotates past its maximum size, keeping one old file', () => {
    const { logger, dir, file } = freshLog(2_000);
    for (let i = 0; i < 100; i += 1) logger.info(`ligne ${i} ${'x'.repeat(80)}`);
    const old = path.join(dir, 'main.old.log');
    expect(existsSync(old)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('ligne 99');
    expect(readFileSync(file).length).toBeLessThanOrEqual(2_000 + 200);
    expect(readFileSync(old, 'utf8')).not.toContain('ligne 0 ');
  });
});
