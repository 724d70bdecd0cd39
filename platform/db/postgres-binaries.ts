import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where Debian's `postgresql` package puts the server binaries; PLATFORM_POSTGRES_BIN overrides. */
export const DEFAULT_POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function postgresBinaries(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const folder = env.PLATFORM_POSTGRES_BIN || DEFAULT_POSTGRES_BIN;
  return ['initdb', 'pg_ctl'].every((tool) => existsSync(path.join(folder, tool))) ? folder : undefined;
}

/** The one sentence said when the PostgreSQL tests cannot run. */
export const POSTGRES_MISSING =
  'PostgreSQL introuvable (initdb et pg_ctl dans /usr/lib/postgresql/15/bin ou PLATFORM_POSTGRES_BIN) : ' +
  'installez-le (« apt-get install postgresql ») pour lancer les tests de la plateforme sur PostgreSQL.';
