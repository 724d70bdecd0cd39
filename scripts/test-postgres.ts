/**
 * `npm run test:postgres`: the platform's tests again, each platform on a fresh PostgreSQL
 * database (vitest's global setup starts one throwaway cluster: platform/db/test-postgres.ts).
 * Without PostgreSQL binaries, one sentence and a skip; in CI (CI set) that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { postgresBinaries, POSTGRES_MISSING } from '../platform/db/postgres-binaries';

/**
 * The test files run on PostgreSQL: every test under platform/ and tests/sync/ (named one by one: vitest's
 * filters match anywhere in a path, and `platform/` would also take electron/core/platform/),
 * or the files given on the command line.
 */
export function postgresTestFiles(root = process.cwd()): string[] {
  // The platform's own tests, and the sync suites (desktops against a platform) in tests/sync/.
  return ['platform', 'tests/sync']
    .flatMap((folder) =>
      readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.test.ts'))
        .map((file) => `${folder}/${file.split(path.sep).join('/')}`),
    )
    .sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!postgresBinaries()) {
    console.error(POSTGRES_MISSING);
    process.exit(process.env.CI ? 1 : 0);
  }
  const given = process.argv.slice(2);
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--project', 'node', ...(given.length > 0 ? given : postgresTestFiles())],
    { stdio: 'inherit', env: { ...process.env, PLATFORM_TEST_DIALECT: 'postgres' } },
  );
  process.exit(result.status ?? 1);
}
