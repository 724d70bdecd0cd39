import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore, plainCodec, type SecretCodec } from './secrets';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function secretsFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
  dirs.push(dir);
  // A folder that does not exist yet: the first write creates it.
  return path.join(dir, 'profil', 'secrets.json');
}

const reversed: SecretCodec = {
  encode: (plain) => [...plain].reverse().join(''),
  decode: (stored) => [...stored].reverse().join(''),
};

describe('the secrets file', () => {
  it('holds the encoded secrets, readable by its owner only, with no temporary file left', async () => {
    const file = secretsFile();
    const store = new FileSecretStore(file, reversed);
    await store.set('refreshToken', 'abc-123');
    await store.set('autre', 'xyz');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ refreshToken: '321-cba', autre: 'zyx' });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(['secrets.json']);
    expect(await new FileSecretStore(file, reversed).get('refreshToken')).toBe('abc-123');
  });

  it('keeps the owner-only mode when it replaces a file that was more open', async () => {
    const file = secretsFile();
    await new FileSecretStore(file, plainCodec).set('a', '1');
    chmodSync(file, 0o644);
    await new FileSecretStore(file, plainCodec).set('b', '2');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: '1', b: '2' });
  });

  it('loses no change when writes overlap, and deletes', async () => {
    const file = secretsFile();
    const store = new FileSecretStore(file, plainCodec);
    await Promise.all([store.set('a', '1'), store.set('b', '2'), store.set('c', '3'), store.delete('b')]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: '1', c: '3' });
    expect(await store.get('b')).toBeNull();
  });

  it('reads a missing, damaged or foreign file as empty', async () => {
    const file = secretsFile();
    const store = new FileSecretStore(file, {
      encode: (plain) => plain,
      decode: () => {
        throw new Error('chiffré par un autre compte');
      },
    });
    expect(await store.get('refreshToken')).toBeNull();
    await store.set('refreshToken', 'abc');
    expect(await store.get('refreshToken')).toBeNull();
    writeFileSync(file, '{ pas du json');
    expect(await new FileSecretStore(file, plainCodec).get('refreshToken')).toBeNull();
  });

  it('rejects a write that fails, and the next write still runs', async () => {
    const file = secretsFile();
    // A folder where the file should be: rename fails with EISDIR, which is not retried.
    const store = new FileSecretStore(path.dirname(path.dirname(file)), plainCodec, 0);
    await expect(store.set('a', '1')).rejects.toThrow();
    const good = new FileSecretStore(file, plainCodec);
    await good.set('a', '1');
    expect(await good.get('a')).toBe('1');
  });
});
