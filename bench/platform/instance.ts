import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPlatform } from '../../platform/server';
import { familyOf } from './latency';

// One platform instance of `npm run bench:platform`, in its own process (its own event loop, as
// in production): the rate limits are lifted (the bench creates hundreds of accounts from one
// address) and every answer's time is kept, by path family, for the report written at SIGTERM.

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    database: { type: 'string' },
    stats: { type: 'string' },
  },
});
if (!values.data || !values.stats) {
  console.error('--data et --stats sont obligatoires.');
  process.exit(2);
}

let samples: Record<string, number[]> = {};
let windowStart = performance.now();
const lifted = 1e9;
const platform = await createPlatform({
  dataDir: values.data,
  ...(values.database ? { databaseUrl: values.database } : {}),
  limits: { loginAttempts: lifted, passwordFailuresPerAddress: lifted, registrations: lifted },
  observe: ({ method, route, ms }) => {
    const family = familyOf(method, route);
    if (family) (samples[family] ??= []).push(ms);
  },
});
const url = await platform.listen(0);
console.log(`listening on ${url}`);

// SIGUSR2: the measured window starts (the population and first syncs are left out);
// SIGHUP: it ends, the figures go to the --stats file; SIGTERM: stop.
process.on('SIGUSR2', () => {
  samples = {};
  windowStart = performance.now();
});
process.on('SIGHUP', () => {
  writeFileSync(
    values.stats!,
    JSON.stringify({ seconds: (performance.now() - windowStart) / 1000, samples }),
  );
});
process.once('SIGTERM', () => {
  void platform.close().then(() => process.exit(0));
});
