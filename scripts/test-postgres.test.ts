import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { POSTGRES_MISSING } from '../platform/db/postgres-binaries';
import { postgresTestFiles } from './test-postgres';

describe('npm run test:postgres', () => {
  it('runs every test file of platform/ and tests/sync/, and nothing else', () => {
    const files = postgresTestFiles();
    expect(files).toContain('platform/sync/multi-instance.test.ts');
    expect(files).toContain('platform/profiles/search-parity.test.ts');
    expect(files).toContain('platform/routes/auth.test.ts');
    expect(files).toContain('tests/sync/faults.test.ts');
    expect(files).toContain('tests/sync/live.test.ts');
    expect(
      files.every(
        (file) =>
          (file.startsWith('platform/') || file.startsWith('tests/sync/')) && file.endsWith('.test.ts'),
      ),
    ).toBe(true);
  });
});

describe('npm run test:postgres without PostgreSQL', () => {
  const run = (ci: boolean) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-postgres.ts'], {
      encoding: 'utf8',
      env: { ...process.env, PLATFORM_POSTGRES_BIN: '/nonexistent/bin', CI: ci ? '1' : '' },
    });

  it('says so in one French sentence and skips, outside CI', () => {
    const result = run(false);
    expect(result.status).toBe(0);
    expect(result.stderr.trim()).toBe(POSTGRES_MISSING);
  });

  it('fails in CI, where those tests must run', () => {
    const result = run(true);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(POSTGRES_MISSING);
  });
});
