/**
 * What `npm test` needs from the machine, checked before anything runs: one sentence per
 * missing piece, saying how to get it, instead of dozens of failing tests.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { postgresBinaries, POSTGRES_MISSING } from '../platform/db/postgres-binaries';
import { browserInstallHint, CHROMIUM_PATH } from './chromium';

export interface MachineProbe {
  nodeVersion: string;
  platform: NodeJS.Platform;
  /** The browser found for the e2e tests (scripts/chromium.ts), if any. */
  browser: string | undefined;
  /** The error message of loading the native SQLite module, or null when it loads. */
  sqliteLoadError(): string | null;
  /** The folder of PostgreSQL's initdb and pg_ctl (npm run test:postgres), if any. */
  postgres: string | undefined;
  /** In CI (env CI set), the PostgreSQL tests must run; elsewhere they are skipped without it. */
  ci: boolean;
}

const MINIMUM_NODE = [20, 19] as const;

export function missingPrerequisites(probe: MachineProbe): string[] {
  const missing: string[] = [];
  const [major = 0, minor = 0] = probe.nodeVersion.replace(/^v/, '').split('.').map(Number);
  if (major < MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor < MINIMUM_NODE[1])) {
    missing.push(
      `Node.js ${MINIMUM_NODE.join('.')} ou plus est requis (installé : ${probe.nodeVersion}) : installez une version plus récente de Node.js 20 ou 22.`,
    );
  }
  const sqlite = probe.sqliteLoadError();
  if (sqlite !== null) {
    missing.push(
      `Le module better-sqlite3 ne se charge pas (${sqlite.split('\n')[0]}) : relancez « npm_config_nodedir=/usr npm ci » pour le compiler.`,
    );
  }
  if (probe.browser === undefined) missing.push(browserInstallHint(probe.platform));
  if (probe.postgres === undefined && probe.ci) missing.push(POSTGRES_MISSING);
  return missing;
}

export const machineProbe: MachineProbe = {
  nodeVersion: process.version,
  platform: process.platform,
  browser: CHROMIUM_PATH,
  postgres: postgresBinaries(),
  ci: Boolean(process.env.CI),
  sqliteLoadError() {
    try {
      const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => {
        close(): void;
      };
      new Database(':memory:').close();
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const missing = missingPrerequisites(machineProbe);
  if (missing.length > 0) {
    console.error(
      ['Il manque de quoi lancer les tests sur cette machine :', ...missing.map((m) => `- ${m}`)].join('\n'),
    );
    process.exit(1);
  }
}
