import { parseArgs } from 'node:util';
import { createPlatform } from './server';

const usage = 'Usage : npm run platform -- --port N --data DOSSIER [--seed demo]';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string' },
    seed: { type: 'string' },
    'token-ttl': { type: 'string' },
    log: { type: 'boolean', default: false },
  },
});

if (!values.data) {
  console.error(`--data est obligatoire.\n${usage}`);
  process.exit(2);
}
if (values.seed !== undefined && values.seed !== 'demo') {
  console.error(`--seed ne connaît que « demo ».\n${usage}`);
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port doit être un numéro de port (0 = un port libre).\n${usage}`);
  process.exit(2);
}

const platform = await createPlatform({
  dataDir: values.data,
  ...(values.seed ? { seed: 'demo' as const } : {}),
  ...(values['token-ttl'] ? { accessTokenTtlSeconds: Number(values['token-ttl']) } : {}),
  logger: values.log,
});
const url = await platform.listen(port);
console.log(`listening on ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void platform.close().then(() => process.exit(0));
  });
}
