/**
 * The long fuzz run, before a release: `npm run fuzz -- --runs 200000 [--seed N]`.
 * The same suites run in `npm test` with fewer generated inputs.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs <= 0) {
  console.error(`--runs attend un entier positif (reçu « ${values.runs} »).`);
  process.exit(2);
}
const env = {
  ...process.env,
  FUZZ_RUNS: String(runs),
  ...(values.seed ? { FUZZ_SEED: values.seed } : {}),
};
const result = spawnSync('npx', ['vitest', 'run', 'tests/fuzz', '--testTimeout', '0'], {
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
