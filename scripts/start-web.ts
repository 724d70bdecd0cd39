import path from 'node:path';
import { parseArgs } from 'node:util';
import { startNodeCore } from '../electron/host/node-core';
import { startHost } from '../electron/host/server';
import { DEMO_PLATFORM_URL, listenOnDemoPort } from '../platform/demo-port';
import { DEMO_REFERENT } from '../platform/seed/demo';
import { DEMO_CANDIDATE } from '../platform/seed/demo-candidates';
import { createPlatform, type Platform } from '../platform/server';
import { buildRenderer } from './build-renderer';
import { rendererDir, repoRoot } from './paths';

// `npm run start:web -- [--port N] [--data DIR] [--platform URL]`: the app in an ordinary browser.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string', default: path.join(repoRoot, '.data', 'web') },
    platform: { type: 'string' },
  },
});
const dataDir = path.resolve(values.data);

await buildRenderer();

let platform: Platform | undefined;
let platformUrl = values.platform;
if (!platformUrl) {
  // No platform given: an embedded reference platform with the demo data.
  platform = await createPlatform({ dataDir: path.join(dataDir, 'platform'), seed: 'demo' });
  platformUrl = await listenOnDemoPort(platform);
  console.log(`Plateforme de référence (démo) : ${platformUrl}`);
  console.log(`Compte de démonstration : ${DEMO_REFERENT.mail} / ${DEMO_REFERENT.password}`);
  console.log(
    `Candidat de démonstration : ${DEMO_CANDIDATE.mail} / ${DEMO_CANDIDATE.password} (npm run platform:candidate -- --help${platformUrl === DEMO_PLATFORM_URL ? '' : ` --platform ${platformUrl}`})`,
  );
}

const core = await startNodeCore({ dataDir: path.join(dataDir, 'desktop'), platformUrl });
const host = await startHost({ core, rendererDir, port: Number(values.port) });
console.log(`listening on ${host.origin}`);
console.log(`Ouvrez ${host.url} dans votre navigateur.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (async () => {
      await host.close();
      await core.close();
      await platform?.close();
      process.exit(0);
    })();
  });
}
