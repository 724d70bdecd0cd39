/**
 * `npm run test:postgres`: the platform's tests again, each platform on a fresh PostgreSQL
 * database (vitest's global setup starts one throwaway cluster: platform/db/test-postgres.ts).
 * Without PostgreSQL binaries, one sentence and a skip; in CI (CI set) that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { postgresBinaries, POSTGRES_MISSING } from '../platform/db/postgres-binaries';

/** The test files run on PostgreSQL: every platform test (and those given on the command line instead). */
export const POSTGRES_TEST_PATHS = ['platform/'];

if (!postgresBinaries()) {
  console.error(POSTGRES_MISSING);
  process.exit(process.env.CI ? 1 : 0);
}
const paths = process.argv.slice(2);
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'node', ...(paths.length > 0 ? paths : POSTGRES_TEST_PATHS)],
  {
    stdio: 'inherit',
    env: { ...process.env, PLATFORM_TEST_DIALECT: 'postgres' },
  },
);
process.exit(result.status ?? 1);
