import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openPlatformDatabase } from './db/open';
import { createPlatform } from './server';

const usage =
  'Usage : npm run platform -- [migrate] --port N [--host ADRESSE] (--data DOSSIER | --database postgres://…) [--seed demo]\n' +
  '(PLATFORM_DATABASE_URL tient lieu de --database)';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    database: { type: 'string' },
    seed: { type: 'string' },
    'token-ttl': { type: 'string' },
    log: { type: 'boolean', default: false },
  },
});

const command = positionals[0];
if (positionals.length > 1 || (command !== undefined && command !== 'migrate')) {
  console.error(`Commande inconnue : ${positionals.join(' ')} (seule « migrate » existe).\n${usage}`);
  process.exit(2);
}
const databaseUrl = values.database ?? (process.env.PLATFORM_DATABASE_URL || undefined);
if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
  console.error(`--database doit être une adresse postgres://utilisateur@hôte:port/base.\n${usage}`);
  process.exit(2);
}
if (!databaseUrl && !values.data) {
  console.error(`--data (ou --database pour PostgreSQL) est obligatoire.\n${usage}`);
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

if (command === 'migrate') {
  if (!databaseUrl) mkdirSync(values.data!, { recursive: true });
  // Deployments migrate once before starting the instances (each also migrates at start, under
  // the same advisory lock, so that forgetting this step is harmless).
  const db = await openPlatformDatabase(databaseUrl ?? path.join(values.data!, 'platform.sqlite'));
  await db.destroy();
  console.log('base de données à jour');
  process.exit(0);
}

const platform = await createPlatform({
  ...(databaseUrl ? { databaseUrl } : { dataDir: values.data! }),
  ...(values.seed ? { seed: 'demo' as const } : {}),
  ...(values['token-ttl'] ? { accessTokenTtlSeconds: Number(values['token-ttl']) } : {}),
  logger: values.log,
});
const url = await platform.listen(port, values.host);
console.log(`listening on ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void platform.close().then(() => process.exit(0));
  });
}
